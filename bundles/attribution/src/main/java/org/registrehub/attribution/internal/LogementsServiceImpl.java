package org.registrehub.attribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.RegistreException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.ActionsLogement;
import org.registrehub.api.attribution.DeclarationLogement;
import org.registrehub.api.attribution.DroitsAttribution;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.Reservataire;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.spi.LogementStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offered dwellings: declared by their landlord (or a gestionnaire), read by their landlord, their réservataire
 * and the gestionnaires of their territory ({@link Droits}); each change with its history and audit lines in one
 * transaction.
 */
@Component(service = LogementsService.class)
public class LogementsServiceImpl implements LogementsService {

    private static final Logger LOG = LoggerFactory.getLogger(LogementsServiceImpl.class);
    /** Most offers a list returns. */
    static final int LISTE_MAX = 500;

    private final LogementStore store;
    private final Clock horloge;

    @Activate
    public LogementsServiceImpl(@Reference LogementStore store) {
        this(store, Clock.system(ZoneId.of("Europe/Paris")));
    }

    public LogementsServiceImpl(LogementStore store, Clock horloge) {
        this.store = store;
        this.horloge = horloge;
    }

    @Override
    public LogementOffert declarer(DeclarationLogement d, Contexte contexte) {
        Droits.exigerRole(contexte, Droits.DECLARANTS, "la déclaration d'un logement");
        List<ErreurChamp> erreurs = ValidateurLogement.valider(d, LocalDate.now(horloge));
        String bailleur = d == null || d.bailleur() == null || d.bailleur().isBlank() ? null : d.bailleur().strip();
        if (bailleur == null) {
            if (contexte.identite().a(Role.BAILLEUR)) {
                bailleur = contexte.organisation();
            } else {
                erreurs.add(new ErreurChamp("bailleur", "obligatoire", null, "un gestionnaire nomme le bailleur du"
                        + " logement"));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException("Le logement", erreurs);
        }
        String commune = d.commune().strip();
        String territoire = departement(commune);
        Droits.declarer(contexte, bailleur, territoire, commune);
        Instant maintenant = horloge.instant();
        LogementOffert l = new LogementOffert(d.identifiantRpls().strip(), bailleur, d.adresse().strip(), commune,
                territoire, d.typologie(), d.surface(), d.etage(), d.ascenseur(), d.accessibilite(), d.loyer(),
                d.charges(), d.financement(), new Reservataire(d.reservataire().type(),
                        d.reservataire().organisation().strip()), d.dateDisponibilite(), StatutOffre.OFFERT, 0,
                maintenant);
        String details = l.typologie() + " " + l.surface().toPlainString() + " m², " + l.commune() + ", "
                + l.financement() + ", loyer " + l.loyer().toPlainString() + " € + charges "
                + l.charges().toPlainString() + " €, réservataire " + l.reservataire().type() + " "
                + l.reservataire().organisation() + ", disponible le " + l.dateDisponibilite();
        LogementOffert enregistre = store.declarer(l, evenement(contexte, maintenant, "DECLARATION",
                StatutOffre.OFFERT, details), audit(contexte, maintenant, "LOGEMENT_DECLARATION", l, details), contexte.recu());
        LOG.info("Logement {} offert par {} ({}, {} via {})", enregistre.identifiantRpls(), bailleur,
                enregistre.commune(), contexte.acteur(), contexte.canal());
        return enregistre;
    }

    @Override
    public LogementOffert logement(String identifiantRpls, Contexte contexte) {
        Droits.exigerRole(contexte, Droits.LECTEURS, "la consultation d'un logement offert");
        LogementOffert l = trouver(identifiantRpls);
        Droits.lire(contexte, l);
        return l;
    }

    @Override
    public List<LogementOffert> logements(StatutOffre statut, String commune, Contexte contexte) {
        LogementStore.Perimetre perimetre = Droits.perimetre(contexte);
        if (commune != null && !commune.strip().matches(ValidateurLogement.COMMUNE)) {
            throw new DemandeInvalideException("La recherche", List.of(new ErreurChamp("commune", "format", commune,
                    "code INSEE de la commune attendu (5 caractères, 2A/2B en Corse)")));
        }
        return store.logements(perimetre, statut, commune == null ? null : commune.strip(), LISTE_MAX);
    }

    @Override
    public DroitsAttribution droits(Contexte contexte) {
        return Droits.droits(contexte.identite());
    }

    @Override
    public ActionsLogement actions(LogementOffert logement, Contexte contexte) {
        return Droits.actions(contexte.identite(), logement);
    }

    @Override
    public LogementOffert retirer(String identifiantRpls, String motif, Contexte contexte) {
        Droits.exigerRole(contexte, Droits.DECLARANTS, "le retrait d'un logement");
        if (motif == null || motif.isBlank() || motif.strip().length() > 500) {
            throw new DemandeInvalideException("Le retrait", List.of(new ErreurChamp("motif", motif == null
                    || motif.isBlank() ? "obligatoire" : "longueur", motif, "le motif du retrait est obligatoire (500"
                    + " caractères au plus)")));
        }
        LogementOffert l = trouver(identifiantRpls);
        Droits.changer(contexte, l, "le retrait d'un logement");
        if (!l.statut().ouverte()) {
            throw new TransitionInterditeException("Le logement " + l.identifiantRpls() + " n'est plus offert (statut "
                    + l.statut() + ") : il ne peut pas être retiré.");
        }
        Instant maintenant = horloge.instant();
        String details = "motif : " + motif.strip();
        LogementOffert retire = store.changerStatut(l.identifiantRpls(), l.version(), StatutOffre.RETIRE,
                evenement(contexte, maintenant, "RETRAIT", StatutOffre.RETIRE, details),
                audit(contexte, maintenant, "LOGEMENT_RETRAIT", l, details));
        LOG.info("Logement {} retiré par {} : {}", l.identifiantRpls(), contexte.acteur(), motif.strip());
        return retire;
    }

    @Override
    public List<EvenementLogement> historique(String identifiantRpls, Contexte contexte) {
        LogementOffert l = logement(identifiantRpls, contexte);
        return store.historique(l.identifiantRpls());
    }

    private LogementOffert trouver(String identifiantRpls) {
        if (identifiantRpls == null || !identifiantRpls.strip().matches(ValidateurLogement.RPLS)) {
            throw new DemandeInvalideException("Le logement", List.of(new ErreurChamp("identifiantRpls", "format",
                    identifiantRpls, "1 à 20 lettres ou chiffres (identifiant RPLS)")));
        }
        return store.logement(identifiantRpls.strip()).orElseThrow(() -> new RegistreException("INTROUVABLE",
                "Aucun logement offert sous l'identifiant RPLS " + identifiantRpls.strip() + "."));
    }

    static EvenementLogement evenement(Contexte contexte, Instant quand, String operation, StatutOffre statut,
                                       String details) {
        return new EvenementLogement(quand, contexte.acteur(), contexte.organisation(), contexte.canal(), operation,
                statut, details);
    }

    static EntreeAudit audit(Contexte contexte, Instant quand, String operation, LogementOffert l, String details) {
        return new EntreeAudit(quand, contexte.acteur(), contexte.organisation(), contexte.canal(), operation, null,
                l.territoire(), "logement " + l.identifiantRpls() + " (" + l.bailleur() + ") : " + details);
    }

    /** The département of a commune: 44109 → 044, 2A004 → 02A, 97411 → 974. */
    static String departement(String commune) {
        if (commune.startsWith("97")) {
            return commune.substring(0, 3);
        }
        return "0" + commune.substring(0, 2);
    }
}
