package org.registrehub.attribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.CandidatDesigne;
import org.registrehub.api.attribution.Candidature;
import org.registrehub.api.attribution.CandidaturesService;
import org.registrehub.api.attribution.Designation;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.StatutCandidature;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.spi.CandidatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Designation of the candidates of an offered dwelling (CCH R441-3): three at most, ranked, fewer only with a reason;
 * the rules checked on what the dwelling already has, the whole recorded in one transaction on the offer's version
 * (a concurrent designation is refused, nothing half-written).
 */
@Component(service = CandidaturesService.class)
public class CandidaturesServiceImpl implements CandidaturesService {

    private static final Logger LOG = LoggerFactory.getLogger(CandidaturesServiceImpl.class);

    private final LogementsService logements;
    private final CandidatureStore store;
    private final Clock horloge;

    @Activate
    public CandidaturesServiceImpl(@Reference LogementsService logements, @Reference CandidatureStore store) {
        this(logements, store, Clock.system(ZoneId.of("Europe/Paris")));
    }

    public CandidaturesServiceImpl(LogementsService logements, CandidatureStore store, Clock horloge) {
        this.logements = logements;
        this.store = store;
        this.horloge = horloge;
    }

    @Override
    public List<Candidature> designer(String identifiantRpls, Designation d, Contexte contexte) {
        // the landlord, the réservataire or a gestionnaire of the territory: those who read the dwelling and its
        // candidates; a guichet reads the dwellings reserved for it but does not designate unless it is that
        // réservataire
        LogementOffert l = logements.logement(identifiantRpls, contexte);
        if (!l.statut().ouverte()) {
            throw new TransitionInterditeException("Le logement " + l.identifiantRpls() + " n'est plus offert (statut "
                    + l.statut() + ") : on ne lui désigne plus de candidats.");
        }
        List<Candidature> existantes = store.candidatures(l.identifiantRpls());
        List<Candidature> enCours = existantes.stream().filter(c -> c.statut().enCours()).toList();
        List<ErreurChamp> e = new ArrayList<>();
        List<CandidatDesigne> candidats = d == null || d.candidats() == null ? List.of() : d.candidats();
        if (candidats.isEmpty()) {
            e.add(new ErreurChamp("candidats", "obligatoire", null, "au moins un candidat"));
        }
        Set<Integer> rangsPris = new HashSet<>();
        Set<String> dejaLa = new HashSet<>();
        existantes.stream().filter(c -> c.statut() != StatutCandidature.ANNULEE).forEach(c -> dejaLa.add(
                c.numeroUnique()));
        enCours.forEach(c -> rangsPris.add(c.rang()));
        if (enCours.size() + candidats.size() > CANDIDATS_MAX) {
            e.add(new ErreurChamp("candidats", "maximum", String.valueOf(candidats.size()), "trois candidats au plus"
                    + " par logement : il en a déjà " + enCours.size() + " (rangs " + new java.util.TreeSet<>(rangsPris)
                    + ")"));
        }
        Set<String> numeros = new LinkedHashSet<>();
        for (int i = 0; i < candidats.size(); i++) {
            String p = "candidats[" + i + "].";
            CandidatDesigne c = candidats.get(i);
            if (c == null) {
                e.add(new ErreurChamp("candidats[" + i + "]", "obligatoire", null, "candidat absent"));
                continue;
            }
            if (ValidateurLogement.manque(e, p + "numeroUnique", c.numeroUnique())) {
                // reported
            } else if (!c.numeroUnique().strip().matches(ValidateurLogement.NUMERO)) {
                e.add(new ErreurChamp(p + "numeroUnique", "format", c.numeroUnique(), "numéro unique attendu (18"
                        + " caractères)"));
            } else if (!numeros.add(c.numeroUnique().strip()) || dejaLa.contains(c.numeroUnique().strip())) {
                e.add(new ErreurChamp(p + "numeroUnique", "unicite", c.numeroUnique(), "cette demande est déjà"
                        + " candidate pour ce logement"));
            }
            if (!ValidateurLogement.manque(e, p + "rang", c.rang())) {
                if (c.rang() < 1 || c.rang() > CANDIDATS_MAX) {
                    e.add(new ErreurChamp(p + "rang", "intervalle", String.valueOf(c.rang()), "rang de 1 à 3"));
                } else if (!rangsPris.add(c.rang())) {
                    e.add(new ErreurChamp(p + "rang", "unicite", String.valueOf(c.rang()), "ce rang est déjà pris"));
                }
            }
        }
        int total = enCours.size() + candidats.size();
        if (total < CANDIDATS_MAX && (d == null || d.motifMoinsDeTrois() == null)) {
            e.add(new ErreurChamp("motifMoinsDeTrois", "obligatoire", null, "moins de trois candidats ("
                    + total + ") : DEMANDE_INSUFFISANTE ou DALO"));
        }
        if (d != null && d.commentaire() != null && d.commentaire().length() > 1000) {
            e.add(new ErreurChamp("commentaire", "longueur", null, "1000 caractères au plus"));
        }
        if (!e.isEmpty()) {
            throw new DemandeInvalideException("La désignation", e);
        }
        Map<String, CandidatureStore.EtatDemande> etats = store.demandes(numeros);
        for (String n : numeros) {
            CandidatureStore.EtatDemande etat = etats.get(n);
            if (etat == null) {
                throw new DemandeIntrouvableException(n);
            }
            if (!"ACTIVE".equals(etat.statut())) {
                throw new TransitionInterditeException("La demande " + n + " est radiée : elle ne peut pas être"
                        + " candidate.");
            }
            if (!etat.territoire().equals(l.territoire()) && !etat.communes().contains(l.commune())) {
                throw new DemandeInvalideException("La désignation", List.of(new ErreurChamp("candidats",
                        "territoire", n, "la demande " + n + " relève du territoire " + etat.territoire()
                                + " et ne souhaite pas la commune " + l.commune() + " du logement")));
            }
        }
        Instant maintenant = horloge.instant();
        List<CandidatureStore.Nouvelle> nouvelles = candidats.stream().map(c -> new CandidatureStore.Nouvelle(
                c.numeroUnique().strip(), c.rang(), contexte.organisation(), contexte.acteur(), contexte.canal(),
                maintenant)).toList();
        List<EntreeAudit> audit = nouvelles.stream().map(c -> new EntreeAudit(maintenant, contexte.acteur(),
                contexte.organisation(), contexte.canal(), "DESIGNATION", c.numeroUnique(), l.territoire(),
                "logement " + l.identifiantRpls() + ", rang " + c.rang())).toList();
        String details = "candidats " + String.join(", ", nouvelles.stream().map(c -> c.rang() + ". "
                + c.numeroUnique()).toList()) + (total < CANDIDATS_MAX ? " ; moins de trois : "
                + d.motifMoinsDeTrois() : "");
        store.designer(l.identifiantRpls(), l.version(), total < CANDIDATS_MAX ? d.motifMoinsDeTrois() : null,
                nouvelles, new CandidatureStore.Suivi(l.bailleur(), LocalDate.now(horloge), d.commentaire()),
                LogementsServiceImpl.evenement(contexte, maintenant, "DESIGNATION", StatutOffre.CANDIDATS_PROPOSES,
                        details), audit, contexte.recu());
        LOG.info("Logement {} : {} par {} ({})", l.identifiantRpls(), details, contexte.acteur(), contexte.canal());
        return avecAilleurs(l.identifiantRpls(), store.candidatures(l.identifiantRpls()));
    }

    @Override
    public List<Candidature> candidatures(String identifiantRpls, Contexte contexte) {
        LogementOffert l = logements.logement(identifiantRpls, contexte);
        return avecAilleurs(l.identifiantRpls(), store.candidatures(l.identifiantRpls()));
    }

    /** Flags the candidates in the running for another open dwelling. */
    private List<Candidature> avecAilleurs(String rpls, List<Candidature> candidatures) {
        Map<String, List<String>> ailleurs = store.ailleurs(candidatures.stream().filter(c -> c.statut().enCours())
                .map(Candidature::numeroUnique).toList(), rpls);
        return candidatures.stream().map(c -> new Candidature(c.identifiantRpls(), c.numeroUnique(), c.rang(),
                c.designePar(), c.statut(), c.acteur(), c.canal(), c.horodatage(),
                ailleurs.getOrDefault(c.numeroUnique(), List.of()))).toList();
    }
}
