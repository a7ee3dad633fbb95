package org.registrehub.routes.erp.internal;

import java.lang.management.ManagementFactory;
import java.util.List;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.ActiveMQServerControl;
import org.apache.activemq.artemis.api.core.management.ObjectNameBuilder;
import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.registrehub.api.RegistreIndisponibleException;

/**
 * The embedded broker's management, through its JMX interfaces (the broker registers them in the platform MBean
 * server): the queues of each organisation and who may use them, queue depths, dead letters.
 *
 * <p>An organisation {@code CODE} has three anycast queues, each on its own address: {@code <prefix>.CODE.entrant}
 * (its accounts send, the hub consumes), {@code <prefix>.CODE.reponses} and {@code <prefix>.CODE.evenements} (the hub
 * sends, its accounts consume). Its accounts are those holding the broker role {@code erp.CODE}, which the register's
 * realm gives to the landlord and guichet accounts of that organisation only; the hub's routes hold {@code interne}.
 * The security settings are added at run time (the broker keeps them in its journal).
 */
public class GestionBroker {

    static final String ENTRANT = "entrant";
    static final String REPONSES = "reponses";
    static final String EVENEMENTS = "evenements";

    private final MBeanServer mbeans;
    private final ObjectNameBuilder noms;
    private final String prefixe;
    private final String dlq;

    public GestionBroker(String nomBroker, String prefixe, String dlq) {
        this(ManagementFactory.getPlatformMBeanServer(), nomBroker, prefixe, dlq);
    }

    GestionBroker(MBeanServer mbeans, String nomBroker, String prefixe, String dlq) {
        this.mbeans = mbeans;
        this.noms = ObjectNameBuilder.create(null, nomBroker, true);
        this.prefixe = prefixe;
        this.dlq = dlq;
    }

    /** {@code registre.erp.NMH.entrant}... */
    public String file(String organisation, String suffixe) {
        return prefixe + "." + organisation + "." + suffixe;
    }

    public String dlq() {
        return dlq;
    }

    /** Creates the organisation's queues if missing, and (again) the settings that reserve them to its accounts. */
    public void assurerOrganisation(String organisation) {
        ActiveMQServerControl serveur = serveur();
        String role = "erp." + organisation;
        try {
            for (String suffixe : List.of(ENTRANT, REPONSES, EVENEMENTS)) {
                String nom = file(organisation, suffixe);
                serveur.createQueue("{\"name\":\"" + nom + "\",\"address\":\"" + nom + "\",\"routing-type\":\"ANYCAST\","
                        + "\"durable\":true,\"auto-create-address\":true}", true);
            }
            // match, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
            // deleteNonDurableQueue, manage, browse, createAddress, deleteAddress
            serveur.addSecuritySettings(file(organisation, ENTRANT), role + ",interne", "interne", "interne",
                    "interne", "interne", "interne", "admin", "interne", "interne", "interne");
            for (String suffixe : List.of(REPONSES, EVENEMENTS)) {
                serveur.addSecuritySettings(file(organisation, suffixe), "interne", role + ",interne", "interne",
                        "interne", "interne", "interne", "admin", role + ",interne", "interne", "interne");
            }
        } catch (Exception e) {
            throw indisponible("configuration des files de " + organisation, e);
        }
    }

    /** The organisation's three queues exist (a broker restart with a lost journal, a deletion by hand...). */
    public boolean filesPresentes(String organisation) {
        for (String suffixe : List.of(ENTRANT, REPONSES, EVENEMENTS)) {
            if (file(file(organisation, suffixe)) == null) {
                return false;
            }
        }
        return true;
    }

    /** Messages waiting in a queue; -1 when the queue does not exist. */
    public long profondeur(String file) {
        QueueControl q = file(file);
        try {
            return q == null ? -1 : q.getMessageCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Messages of the dead-letter queue matching a filter (empty: all), as the broker lists them. */
    public String lettresMortesJson(String filtre) {
        QueueControl q = file(dlq);
        if (q == null) {
            return "[]";
        }
        try {
            return q.listMessagesAsJSON(filtre == null ? "" : filtre);
        } catch (Exception e) {
            throw indisponible("lecture de la file " + dlq, e);
        }
    }

    public long compterLettresMortes(String filtre) {
        QueueControl q = file(dlq);
        if (q == null) {
            return 0;
        }
        try {
            return q.countMessages(filtre == null ? "" : filtre);
        } catch (Exception e) {
            throw indisponible("comptage de la file " + dlq, e);
        }
    }

    /** Moves one dead letter to a queue (atomically, on the broker); false when there is no such message. */
    public boolean deplacer(long id, String versFile) {
        QueueControl q = file(dlq);
        if (q == null) {
            return false;
        }
        try {
            return q.moveMessage(id, versFile, true);
        } catch (Exception e) {
            throw indisponible("renvoi du message " + id + " vers " + versFile, e);
        }
    }

    /** Removes one dead letter for good; false when there is no such message. */
    public boolean supprimer(long id) {
        QueueControl q = file(dlq);
        if (q == null) {
            return false;
        }
        try {
            return q.removeMessage(id);
        } catch (Exception e) {
            throw indisponible("suppression du message " + id + " de " + dlq, e);
        }
    }

    /** The body of one dead letter as text (UTF-8), or null when there is no such message. */
    public String contenu(long id) {
        QueueControl q = file(dlq);
        if (q == null) {
            return null;
        }
        try {
            for (javax.management.openmbean.CompositeData m : q.browse("")) {
                // the browser gives the id as text (2.43), the listing as a number: compared as text
                if (String.valueOf(id).equals(String.valueOf(m.get("messageID")))) {
                    if (m.containsKey("text") && m.get("text") != null) {
                        return m.get("text").toString();
                    }
                    Object apercu = m.containsKey("BodyPreview") ? m.get("BodyPreview") : null;
                    return apercu instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : "";
                }
            }
            return null;
        } catch (Exception e) {
            throw indisponible("lecture du message " + id + " de " + dlq, e);
        }
    }

    private ActiveMQServerControl serveur() {
        try {
            ObjectName nom = noms.getActiveMQServerObjectName();
            if (!mbeans.isRegistered(nom)) {
                throw new RegistreIndisponibleException("Le broker embarqué n'est pas démarré (MBean " + nom
                        + " absent).", null);
            }
            return JMX.newMBeanProxy(mbeans, nom, ActiveMQServerControl.class);
        } catch (RegistreIndisponibleException e) {
            throw e;
        } catch (Exception e) {
            throw indisponible("accès au broker", e);
        }
    }

    private QueueControl file(String nom) {
        try {
            SimpleString s = SimpleString.of(nom);
            ObjectName on = noms.getQueueObjectName(s, s, RoutingType.ANYCAST);
            return mbeans.isRegistered(on) ? JMX.newMBeanProxy(mbeans, on, QueueControl.class) : null;
        } catch (Exception e) {
            throw indisponible("accès à la file " + nom, e);
        }
    }

    private static RegistreIndisponibleException indisponible(String quoi, Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return new RegistreIndisponibleException("Broker : échec de " + quoi + " (" + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : " : " + t.getMessage()) + ").", e);
    }
}
