package org.registrehub.routes.erp.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.registrehub.api.Canal;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.spi.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound ERP message: reads it, registers the demand and builds the reply. A demand that breaks the
 * register's rules is answered {@code REJETE} with its field errors; a message that cannot be read at all is refused
 * with {@link MessageIllisibleException} (dead letter); an unavailable register propagates (redelivery).
 */
public class TraitementMessageErp {

    private static final Logger LOG = LoggerFactory.getLogger(TraitementMessageErp.class);

    private final RegistreService registre;
    private final JsonCodec json;
    private final Clock clock;

    private final AuthentificationService authentification;
    private final String compte;

    public TraitementMessageErp(RegistreService registre, JsonCodec json, AuthentificationService authentification,
                                String compte) {
        this(registre, json, authentification, compte, Clock.systemUTC());
    }

    TraitementMessageErp(RegistreService registre, JsonCodec json, AuthentificationService authentification,
                         String compte, Clock clock) {
        this.registre = registre;
        this.json = json;
        this.authentification = authentification;
        this.compte = compte == null ? "" : compte.strip();
        this.clock = clock;
    }

    /**
     * The register account the ERP messages act as ({@code erp.compte}): its roles and territories are checked like
     * any caller's. A missing or disabled account is a configuration problem: the message is retried, then kept in
     * the dead-letter queue with the reason, never lost.
     */
    private Contexte contexte() {
        if (compte.isEmpty()) {
            throw new RegistreIndisponibleException("Aucun compte du registre n'est configuré pour les ERP"
                    + " (erp.compte dans etc/org.registrehub.erp.cfg).", null);
        }
        Identite identite = authentification.identite(compte).orElseThrow(() -> new RegistreIndisponibleException(
                "Le compte ERP « " + compte + " » est inconnu ou désactivé (erp.compte dans"
                        + " etc/org.registrehub.erp.cfg).", null));
        return new Contexte(identite, Canal.ERP);
    }

    /** @return the reply to send back to the ERP */
    public ReponseErp traiter(String corps) {
        MessageErp message = lire(corps);
        try {
            Demande demande = registre.enregistrer(message.demande(), contexte());
            LOG.info("Message ERP {} : demande {} enregistrée", message.messageId(), demande.numeroUnique());
            return reponse(message, ReponseErp.ACCEPTE, demande.numeroUnique(), List.of(), List.of());
        } catch (DemandeInvalideException e) {
            LOG.info("Message ERP {} rejeté : {}", message.messageId(),
                    e.getErreurs().stream().map(ErreurChamp::champ).collect(Collectors.joining(", ")));
            return reponse(message, ReponseErp.REJETE, null, e.getErreurs(), List.of());
        } catch (AccesRefuseException e) {
            LOG.info("Message ERP {} rejeté : {}", message.messageId(), e.getMessage());
            return reponse(message, ReponseErp.REJETE, null, List.of(new ErreurChamp("demande", "acces", null,
                    e.getMessage())), List.of());
        } catch (DoublonPresumeException e) {
            LOG.info("Message ERP {} rejeté : doublon présumé", message.messageId());
            return reponse(message, ReponseErp.REJETE, null, List.of(new ErreurChamp("dossier.demandeur", "doublon",
                    null, e.getMessage())), e.getDoublons());
        }
    }

    public String enJson(ReponseErp reponse) {
        return json.ecrire(reponse);
    }

    private long tailleMaxOctets = 1_048_576;

    /** Messages above this size ({@code erp.tailleMaxOctets}) go to the dead-letter queue unread. */
    public void setTailleMaxOctets(long tailleMaxOctets) {
        this.tailleMaxOctets = tailleMaxOctets;
    }

    private MessageErp lire(String corps) {
        if (corps == null || corps.isBlank()) {
            throw new MessageIllisibleException("message vide");
        }
        long taille = corps.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (taille > tailleMaxOctets) {
            throw new MessageIllisibleException("message trop volumineux : " + taille + " octets, limite "
                    + tailleMaxOctets + " (erp.tailleMaxOctets)");
        }
        MessageErp message;
        try {
            message = json.lire(corps, MessageErp.class);
        } catch (DemandeInvalideException e) {
            // field and rule only: a rejected value (a NIR...) never goes into the dead-letter reason nor the logs
            throw new MessageIllisibleException("message JSON illisible : " + e.getErreurs().stream()
                    .map(x -> x.champ() + " : " + x.message()).collect(Collectors.joining(" ; ")));
        }
        if (message.messageId() == null || message.messageId().isBlank()) {
            throw new MessageIllisibleException("messageId : champ obligatoire");
        }
        if (!MessageErp.ENREGISTRER_DEMANDE.equals(message.type())) {
            throw new MessageIllisibleException("type : valeur non autorisée « " + message.type()
                    + " » ; valeur permise : " + MessageErp.ENREGISTRER_DEMANDE);
        }
        if (message.versionSchema() != null && message.versionSchema() != MessageErp.VERSION_SCHEMA) {
            throw new MessageIllisibleException("versionSchema : version " + message.versionSchema()
                    + " non prise en charge ; version permise : " + MessageErp.VERSION_SCHEMA);
        }
        return message;
    }

    private ReponseErp reponse(MessageErp message, String statut, String numero, List<ErreurChamp> erreurs,
                               List<Doublon> doublons) {
        return new ReponseErp(UUID.randomUUID().toString(), ReponseErp.TYPE, MessageErp.VERSION_SCHEMA,
                clock.instant(), message.messageId(), statut, numero, erreurs, doublons);
    }
}
