package org.registrehub.attribution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.BilanNotifications;
import org.registrehub.api.attribution.NotificationCandidat;
import org.registrehub.api.attribution.NotificationsService;
import org.registrehub.api.attribution.spi.NotificationStore;
import org.registrehub.api.attribution.spi.NotificationStore.AEnvoyer;
import org.registrehub.api.attribution.spi.NotificationStore.Issue;
import org.registrehub.api.messagerie.AdresseRefusee;
import org.registrehub.api.messagerie.MessagerieService;
import org.registrehub.api.messagerie.ServeurInjoignable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the applicants' notifications (written by the database in the transaction of each designation and decision,
 * V26): e-mails through the hub's {@link MessagerieService} when there is one with a server, by batches of
 * {@code notification.lot} on one connection; letters in the day's batch, a PDF in {@code notification.dossierCourriers}
 * ({@code courriers-candidats-AAAAMMJJ-HHMMSS.pdf}). A notification is claimed by one sender at a time and marked sent
 * with its audit line in the transaction that sends it: none is sent twice, none forgotten.
 */
@Component(service = NotificationsService.class, configurationPid = "org.registrehub.attribution")
public class NotificationsServiceImpl implements NotificationsService {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationsServiceImpl.class);
    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String SANS_SERVEUR = "aucun serveur SMTP (registre-campagne-renouvellement absent ou smtp.hote"
            + " vide) : par courrier";

    private final NotificationStore store;
    private final Clock horloge;
    private final AtomicReference<MessagerieService> messagerie = new AtomicReference<>();
    private volatile Path dossierCourriers;
    private volatile int lot = 200;
    private volatile String expediteur = "Registre de la demande de logement social";

    @Activate
    public NotificationsServiceImpl(@Reference NotificationStore store, Map<String, Object> proprietes) {
        this(store, Clock.system(ZoneId.of("Europe/Paris")));
        configurer(proprietes);
    }

    public NotificationsServiceImpl(NotificationStore store, Clock horloge) {
        this.store = store;
        this.horloge = horloge;
        this.dossierCourriers = Path.of(System.getProperty("karaf.data", "data"), "registre", "attribution",
                "courriers");
    }

    @Modified
    void configurer(Map<String, Object> proprietes) {
        Object dossier = proprietes.get("notification.dossierCourriers");
        if (dossier != null && !String.valueOf(dossier).isBlank()) {
            dossierCourriers = Path.of(String.valueOf(dossier).strip());
        }
        Object taille = proprietes.get("notification.lot");
        if (taille != null) {
            try {
                lot = Integer.parseInt(String.valueOf(taille).strip());
            } catch (NumberFormatException e) {
                LOG.error("org.registrehub.attribution : notification.lot « {} » n'est pas un nombre ; {} gardé",
                        taille, lot);
            }
        }
        Object signature = proprietes.get("notification.expediteur");
        if (signature != null && !String.valueOf(signature).isBlank()) {
            expediteur = String.valueOf(signature).strip();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delierMessagerie")
    public void lierMessagerie(MessagerieService m) {
        messagerie.set(m);
    }

    public void delierMessagerie(MessagerieService m) {
        messagerie.compareAndSet(m, null);
    }

    /** For tests and for whoever builds the service by hand. */
    public NotificationsServiceImpl dossierCourriers(Path dossier) {
        this.dossierCourriers = dossier;
        return this;
    }

    @Override
    public BilanNotifications envoyer(Contexte contexte) {
        Droits.exigerRole(contexte, java.util.EnumSet.of(Role.ADMIN, Role.GESTIONNAIRE), "l'envoi des notifications");
        EntreeAudit audit = new EntreeAudit(horloge.instant(), contexte.acteur(), contexte.organisation(),
                contexte.canal(), "NOTIFICATION", null, null, null);
        MessagerieService m = messagerie.get();
        String arret = null;
        int courriels = 0;
        if (m == null || !m.active()) {
            store.basculerEnCourrier(m == null ? SANS_SERVEUR : "smtp.hote vide : par courrier");
        } else {
            StringBuilder cause = new StringBuilder();
            int envoyes;
            do {
                try (MessagerieService.Connexion smtp = m.ouvrir()) {
                    envoyes = store.envoyerCourriels(lot, (n, observation) -> envoyer(smtp, n, observation, cause),
                            audit);
                }
                courriels += envoyes;
            } while (envoyes == lot && cause.length() == 0);
            arret = cause.length() == 0 ? null : cause.toString();
        }
        int courriers = 0;
        String nomLot = null;
        int imprimes;
        do {
            AtomicReference<Path> ecrit = new AtomicReference<>();
            try {
                imprimes = store.envoyerCourriers(lot, lettres -> {
                    Path fichier = imprimer(lettres);
                    ecrit.set(fichier);
                    return fichier.getFileName().toString();
                }, audit);
            } catch (RuntimeException e) {
                // nothing was marked: the batch's file is not a batch
                supprimer(ecrit.get());
                throw e;
            }
            if (imprimes > 0) {
                nomLot = nomLot == null ? ecrit.get().getFileName().toString() : nomLot + ", "
                        + ecrit.get().getFileName();
            }
            courriers += imprimes;
        } while (imprimes == lot);
        long restantes = store.restantes();
        if (courriels + courriers > 0 || arret != null) {
            LOG.info("Notifications des candidats : {} courriel(s), {} courrier(s){}{}", courriels, courriers,
                    nomLot == null ? "" : " (" + nomLot + ")", arret == null ? "" : " ; courriels arrêtés : " + arret);
        }
        return new BilanNotifications(courriels, courriers, nomLot, restantes, arret);
    }

    private static Issue envoyer(MessagerieService.Connexion smtp, AEnvoyer n, StringBuilder observation,
                                 StringBuilder arret) {
        if (n.email() == null) {
            observation.append("adresse électronique retirée de la demande : par courrier");
            return Issue.PAR_COURRIER;
        }
        try {
            smtp.envoyer(TextesNotification.courriel(n));
            return Issue.ENVOYEE;
        } catch (AdresseRefusee e) {
            observation.append(e.getMessage()).append(" : par courrier");
            return Issue.PAR_COURRIER;
        } catch (ServeurInjoignable e) {
            arret.append(e.getMessage());
            return Issue.ARRET;
        }
    }

    /** The batch's PDF, written whole under a temporary name, then moved to its name. */
    private Path imprimer(List<AEnvoyer> notifications) {
        LocalDateTime maintenant = LocalDateTime.now(horloge);
        List<PdfCommission.Lettre> lettres = new ArrayList<>();
        for (AEnvoyer n : notifications) {
            List<String> destinataire = new ArrayList<>();
            destinataire.add(n.prenoms() + " " + n.nom());
            if (n.adressePostale() != null) {
                destinataire.add(n.adressePostale());
            }
            destinataire.add((n.codePostal() == null ? "" : n.codePostal() + " ") + (n.ville() == null ? ""
                    : n.ville()));
            lettres.add(new PdfCommission.Lettre(destinataire, TextesNotification.objet(n),
                    TextesNotification.paragraphes(n)));
        }
        byte[] pdf = PdfCommission.lettres("Courriers aux candidats du " + maintenant.toLocalDate(), expediteur,
                maintenant.toLocalDate(), lettres);
        return org.registrehub.api.spi.LotsDeCourriers.ecrire(dossierCourriers, "courriers-candidats-"
                + HORODATAGE.format(maintenant), pdf, "notification.dossierCourriers");
    }

    private static void supprimer(Path fichier) {
        String erreur = org.registrehub.api.spi.LotsDeCourriers.supprimer(fichier);
        if (erreur != null) {
            LOG.warn("Lot de courriers non enregistré laissé sur le disque : {} ({})", fichier, erreur);
        }
    }

    @Override
    public List<NotificationCandidat> notifications(String numeroUnique, Contexte contexte) {
        Droits.exigerRole(contexte, Droits.LECTEURS, "la consultation des notifications d'une demande");
        String territoire = numeroUnique == null || numeroUnique.length() < 3 ? "" : numeroUnique.substring(0, 3);
        if (!contexte.identite().couvre(territoire)) {
            throw new AccesRefuseException("Accès refusé : la demande " + numeroUnique + " (département " + territoire
                    + ") est hors des territoires de " + contexte.identite().organisation().code() + ".");
        }
        List<NotificationCandidat> liste = store.notifications(numeroUnique);
        store.auditer(new EntreeAudit(horloge.instant(), contexte.acteur(), contexte.organisation(),
                contexte.canal(), "CONSULTATION_NOTIFICATIONS", numeroUnique, territoire, liste.size()
                        + " notification(s)"));
        return liste;
    }
}
