package org.registrehub.attestation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.AvisDemandeService;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.Statut;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.messagerie.AdresseRefusee;
import org.registrehub.api.messagerie.Courriel;
import org.registrehub.api.messagerie.MessagerieService;
import org.registrehub.api.messagerie.ServeurInjoignable;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.spi.LotsDeCourriers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notices to the applicant that the database wrote with each registration and radiation (V31): by e-mail
 * with the attestation attached (or the radiation's reason), else a letter in the day's batch — the attestation
 * itself, or the radiation letter — written whole in {@code avis.dossierCourriers}. Each batch is claimed, sent and
 * marked in one transaction, so that two nodes never send a notice twice and a crash sends it again at worst (the
 * e-mail keeps its Message-ID). An SMTP server away leaves the e-mails waiting for the next run.
 */
@Component(service = AvisDemandeService.class, configurationPid = "org.registrehub.attestation")
public class AvisDemandeServiceImpl implements AvisDemandeService {

    private static final Logger LOG = LoggerFactory.getLogger(AvisDemandeServiceImpl.class);
    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BaseDeDonnees.Sessions base;
    private final java.util.function.Function<String, Optional<Demande>> demandes;
    private final java.util.function.Function<String, List<String>> guichets;
    private final AttestationPdf pdf;
    private final Clock clock;
    private final int lot;
    private final Path dossierCourriers;
    private final AtomicReference<MessagerieService> messagerie = new AtomicReference<>();

    @Activate
    public AvisDemandeServiceImpl(@Reference BaseDeDonnees base,
                                  @Reference org.registrehub.api.registre.spi.DemandeStore store,
                                  @Reference(target = "(component.name=org.registrehub.attestation.internal"
                                          + ".AttestationPdf)") org.registrehub.api.AttestationService attestation,
                                  AttestationConfig config) {
        this(base, store::trouver, store::guichets, (AttestationPdf) attestation,
                Clock.system(ZoneId.of(config.fuseau())),
                config.avis_lot(), config.avis_dossierCourriers().isBlank()
                        ? Path.of(System.getProperty("karaf.data", "data"), "registre", "avis")
                        : Path.of(config.avis_dossierCourriers()));
    }

    /**
     * @param demandes the demand of a numéro, read by the hub itself to write to its applicant (not a person's read:
     *                 the notice is audited as sent, AVIS_DEMANDEUR)
     * @param guichets the guichets of a territory, for the attestation
     */
    AvisDemandeServiceImpl(BaseDeDonnees base, java.util.function.Function<String, Optional<Demande>> demandes,
                           java.util.function.Function<String, List<String>> guichets, AttestationPdf pdf, Clock clock,
                           int lot, Path dossierCourriers) {
        this.base = base.sessions(AvisMapper.class);
        this.demandes = demandes;
        this.guichets = guichets;
        this.pdf = pdf;
        this.clock = clock;
        this.lot = Math.max(1, lot);
        this.dossierCourriers = dossierCourriers;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "delierMessagerie")
    public void lierMessagerie(MessagerieService m) {
        messagerie.set(m);
    }

    public void delierMessagerie(MessagerieService m) {
        messagerie.compareAndSet(m, null);
    }

    @Override
    public Bilan envoyer(Contexte contexte) {
        if (!contexte.identite().a(Role.ADMIN) && !contexte.identite().a(Role.GESTIONNAIRE)) {
            throw new AccesRefuseException("Accès refusé : l'envoi des avis aux demandeurs est réservé aux"
                    + " administrateurs et gestionnaires.");
        }
        MessagerieService m = messagerie.get();
        int courriels = 0;
        String arret = null;
        if (m != null && m.active()) {
            StringBuilder cause = new StringBuilder();
            int envoyes;
            do {
                try (MessagerieService.Connexion smtp = m.ouvrir()) {
                    envoyes = base.executer("envoi des avis par courriel", AvisMapper.class,
                            mp -> courriels(mp, smtp, contexte, cause));
                }
                courriels += envoyes;
            } while (envoyes == lot && cause.length() == 0);
            arret = cause.length() == 0 ? null : cause.toString();
        } else {
            // no SMTP server: the e-mails wait for one (the portal's applicants have an address, they read e-mails)
            arret = m == null ? "pas de messagerie (registre-campagne-renouvellement)" : "smtp.hote vide";
        }
        int courriers = 0;
        String lots = null;
        int imprimes;
        do {
            AtomicReference<Path> ecrit = new AtomicReference<>();
            try {
                imprimes = base.executer("envoi des avis par courrier", AvisMapper.class,
                        mp -> courriers(mp, contexte, ecrit));
            } catch (RuntimeException e) {
                LotsDeCourriers.supprimer(ecrit.get());
                throw e;
            }
            if (imprimes > 0) {
                String nom = ecrit.get().getFileName().toString();
                lots = lots == null ? nom : lots + ", " + nom;
            }
            courriers += imprimes;
        } while (imprimes == lot);
        long restants = base.executer("avis restants", AvisMapper.class, AvisMapper::restants);
        if (courriels + courriers > 0) {
            LOG.info("Avis aux demandeurs : {} courriel(s), {} courrier(s){}{}", courriels, courriers,
                    lots == null ? "" : " (" + lots + ")", arret == null ? "" : " ; " + arret);
        }
        return new Bilan(courriels, courriers, lots, restants, arret);
    }

    private int courriels(AvisMapper mp, MessagerieService.Connexion smtp, Contexte contexte, StringBuilder arret) {
        List<AvisMapper.LigneAvis> avis = mp.aEnvoyer("EMAIL", lot);
        Instant maintenant = clock.instant();
        int traites = 0;
        for (AvisMapper.LigneAvis a : avis) {
            Optional<Demande> d = demande(a.numeroUnique());
            if (d.isEmpty() || d.get().dossier().contact() == null || d.get().dossier().contact().email() == null) {
                mp.parCourrier(a.id(), "adresse électronique retirée de la demande : par courrier");
                continue;
            }
            try {
                smtp.envoyer(courriel(a, d.get()));
            } catch (AdresseRefusee e) {
                mp.parCourrier(a.id(), e.getMessage() + " : par courrier");
                continue;
            } catch (ServeurInjoignable e) {
                arret.append(e.getMessage());
                break;
            }
            mp.marquer(a.id(), maintenant, null, null);
            mp.auditer(audit(maintenant, contexte, a, "courriel"));
            traites++;
        }
        return traites;
    }

    private Courriel courriel(AvisMapper.LigneAvis a, Demande d) {
        String id = "<avis-" + a.id() + "-" + a.nature().toLowerCase() + "@registre.invalid>";
        String email = d.dossier().contact().email();
        if ("RADIATION".equals(a.nature()) && d.radiation() != null) {
            return new Courriel(email, TextesAvis.objetRadiation(d), TextesAvis.courrielRadiation(d), id);
        }
        List<Courriel.PieceJointe> pj = d.statut() == Statut.ACTIVE
                ? List.of(new Courriel.PieceJointe("attestation-" + d.numeroUnique() + ".pdf", "application/pdf",
                        pdf.pdf(d, guichets.apply(d.territoire()), LocalDate.now(clock))))
                : List.of();
        return new Courriel(email, TextesAvis.objetEnregistrement(d), TextesAvis.enregistrement(d), id, pj);
    }

    private int courriers(AvisMapper mp, Contexte contexte, AtomicReference<Path> ecrit) {
        List<AvisMapper.LigneAvis> avis = mp.aEnvoyer("COURRIER", lot);
        if (avis.isEmpty()) {
            return 0;
        }
        LocalDateTime maintenant = LocalDateTime.now(clock);
        List<byte[]> pages = new ArrayList<>();
        List<AvisMapper.LigneAvis> imprimes = new ArrayList<>();
        for (AvisMapper.LigneAvis a : avis) {
            Optional<Demande> d = demande(a.numeroUnique());
            if (d.isEmpty()) {
                continue;
            }
            if ("RADIATION".equals(a.nature()) && d.get().radiation() != null) {
                pages.add(pdf.lettreRadiation(d.get(), maintenant.toLocalDate()));
            } else if (d.get().statut() == Statut.ACTIVE) {
                pages.add(pdf.pdf(d.get(), guichets.apply(d.get().territoire()), maintenant.toLocalDate()));
            } else {
                // radiated before its attestation left: the radiation's own notice tells the applicant
                mp.marquer(a.id(), clock.instant(), null, "demande radiée avant l'envoi : pas d'attestation");
                continue;
            }
            imprimes.add(a);
        }
        if (imprimes.isEmpty()) {
            return avis.size() == lot ? lot : 0;
        }
        Path fichier = LotsDeCourriers.ecrire(dossierCourriers, "avis-demandeurs-" + HORODATAGE.format(maintenant),
                fusionner(pages), "avis.dossierCourriers");
        ecrit.set(fichier);
        Instant instant = clock.instant();
        for (AvisMapper.LigneAvis a : imprimes) {
            mp.marquer(a.id(), instant, fichier.getFileName().toString(), null);
            mp.auditer(audit(instant, contexte, a, "courrier, lot " + fichier.getFileName()));
        }
        return avis.size();
    }

    static byte[] fusionner(List<byte[]> documents) {
        try (PDDocument lot = new PDDocument(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            PDFMergerUtility fusion = new PDFMergerUtility();
            for (byte[] d : documents) {
                try (PDDocument doc = Loader.loadPDF(d)) {
                    fusion.appendDocument(lot, doc);
                }
            }
            lot.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("lot de courriers des avis impossible à assembler", e);
        }
    }

    private Optional<Demande> demande(String numero) {
        return demandes.apply(numero);
    }

    private static EntreeAudit audit(Instant quand, Contexte c, AvisMapper.LigneAvis a, String comment) {
        return new EntreeAudit(quand, c.acteur(), c.organisation(), c.canal(), "AVIS_DEMANDEUR", a.numeroUnique(),
                a.numeroUnique().substring(0, 3), ("ENREGISTREMENT".equals(a.nature()) ? "attestation" : "radiation")
                        + " par " + comment);
    }

    /** For the tests: today. */
    LocalDate aujourdhui() {
        return LocalDate.now(clock);
    }
}
