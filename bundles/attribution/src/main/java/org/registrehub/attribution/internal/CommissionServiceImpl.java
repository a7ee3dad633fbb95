package org.registrehub.attribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.DecisionCal;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.RegistreException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.CandidaturesService;
import org.registrehub.api.attribution.Commission;
import org.registrehub.api.attribution.CommissionService;
import org.registrehub.api.attribution.DecisionCandidat;
import org.registrehub.api.attribution.FicheCandidat;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.PlanCommission;
import org.registrehub.api.attribution.PointOrdreDuJour;
import org.registrehub.api.attribution.ResumeCommission;
import org.registrehub.api.attribution.StatutCandidature;
import org.registrehub.api.attribution.spi.CommissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commissions d'attribution: planned by the landlord (or a gestionnaire of its territory) with its dwellings that
 * have candidates; read by the landlord and the gestionnaires; their decisions recorded per candidate (CCH R441-3) as
 * DECISION_CAL lines of the follow-up, which the candidatures follow (V24), with one attribution per dwelling and
 * one per demand.
 */
@Component(service = CommissionService.class)
public class CommissionServiceImpl implements CommissionService {

    private static final Logger LOG = LoggerFactory.getLogger(CommissionServiceImpl.class);
    static final Set<DecisionCal> ATTRIBUTIONS = EnumSet.of(DecisionCal.ATTRIBUTION,
            DecisionCal.ATTRIBUTION_SOUS_CONDITION);
    static final int LOGEMENTS_MAX = 100;
    /** Sessions a list shows at most (the latest). */
    static final int LISTE_MAX = 200;

    private final LogementsService logements;
    private final CandidaturesService candidatures;
    private final CommissionStore store;
    private final Clock horloge;

    @Activate
    public CommissionServiceImpl(@Reference LogementsService logements, @Reference CandidaturesService candidatures,
                                 @Reference CommissionStore store) {
        this(logements, candidatures, store, Clock.system(ZoneId.of("Europe/Paris")));
    }

    public CommissionServiceImpl(LogementsService logements, CandidaturesService candidatures, CommissionStore store,
                                 Clock horloge) {
        this.logements = logements;
        this.candidatures = candidatures;
        this.store = store;
        this.horloge = horloge;
    }

    @Override
    public Commission planifier(PlanCommission plan, Contexte contexte) {
        Droits.exigerRole(contexte, Droits.DECLARANTS, "la planification d'une commission d'attribution");
        List<ErreurChamp> e = new ArrayList<>();
        if (plan == null) {
            throw new DemandeInvalideException("La commission", List.of(new ErreurChamp("commission", "obligatoire",
                    null, "la commission est absente de la requête")));
        }
        String bailleur = plan.bailleur() == null || plan.bailleur().isBlank() ? null : plan.bailleur().strip();
        if (bailleur == null && contexte.identite().a(Role.BAILLEUR)) {
            bailleur = contexte.organisation();
        }
        if (bailleur == null) {
            e.add(new ErreurChamp("bailleur", "obligatoire", null, "un gestionnaire nomme le bailleur"));
        }
        ValidateurLogement.manque(e, "date", plan.date());
        if (plan.lieu() != null && plan.lieu().length() > 200) {
            e.add(new ErreurChamp("lieu", "longueur", null, "200 caractères au plus"));
        }
        List<String> rpls = plan.logements() == null ? List.of() : plan.logements().stream()
                .map(r -> r == null ? null : r.strip()).toList();
        if (rpls.isEmpty() || rpls.size() > LOGEMENTS_MAX) {
            e.add(new ErreurChamp("logements", "taille", String.valueOf(rpls.size()), "de 1 à " + LOGEMENTS_MAX
                    + " logements à l'ordre du jour"));
        }
        if (new HashSet<>(rpls).size() != rpls.size()) {
            e.add(new ErreurChamp("logements", "unicite", null, "un logement figure deux fois à l'ordre du jour"));
        }
        if (!e.isEmpty()) {
            throw new DemandeInvalideException("La commission", e);
        }
        String territoire = null;
        for (int i = 0; i < rpls.size(); i++) {
            LogementOffert l = logements.logement(rpls.get(i), contexte);
            Droits.changer(contexte, l, "l'inscription d'un logement à une commission");
            if (!l.bailleur().equals(bailleur)) {
                throw new DemandeInvalideException("La commission", List.of(new ErreurChamp("logements[" + i + "]",
                        "bailleur", l.identifiantRpls(), "le logement est à " + l.bailleur() + ", pas à " + bailleur
                                + " : une commission examine les logements de son bailleur")));
            }
            if (candidatures.candidatures(l.identifiantRpls(), contexte).stream()
                    .noneMatch(c -> c.statut() == StatutCandidature.PROPOSEE)) {
                throw new DemandeInvalideException("La commission", List.of(new ErreurChamp("logements[" + i + "]",
                        "candidats", l.identifiantRpls(), "aucun candidat proposé à examiner pour ce logement")));
            }
            territoire = territoire == null ? l.territoire() : territoire;
        }
        Instant maintenant = horloge.instant();
        long id = store.creer(new CommissionStore.EnTete(0, bailleur, territoire, plan.date(), plan.lieu(), null),
                rpls, contexte.acteur(), contexte.organisation(), new EntreeAudit(maintenant, contexte.acteur(),
                        contexte.organisation(), contexte.canal(), "COMMISSION", null, territoire, "séance du "
                        + plan.date() + ", logements " + String.join(", ", rpls)));
        LOG.info("Commission {} de {} le {} planifiée par {} : {} logement(s)", id, bailleur, plan.date(),
                contexte.acteur(), rpls.size());
        return lire(id, contexte, false);
    }

    @Override
    public List<ResumeCommission> commissions(Contexte contexte) {
        Droits.exigerRole(contexte, Droits.DECLARANTS, "la liste des commissions d'attribution");
        Identite i = contexte.identite();
        return store.commissions(i.a(Role.BAILLEUR) ? contexte.organisation() : null,
                i.a(Role.GESTIONNAIRE) ? i.departements() : Set.of(), LISTE_MAX);
    }

    @Override
    public Commission commission(long id, Contexte contexte) {
        return lire(id, contexte, true);
    }

    private Commission lire(long id, Contexte contexte, boolean auditer) {
        CommissionStore.EnTete t = store.commission(id).orElseThrow(() -> new RegistreException("INTROUVABLE",
                "Aucune commission n° " + id + "."));
        Droits.exigerRole(contexte, Droits.DECLARANTS, "la lecture d'une commission d'attribution");
        boolean sienne = contexte.identite().a(Role.BAILLEUR) && t.bailleur().equals(contexte.organisation());
        boolean gestionnaire = contexte.identite().a(Role.GESTIONNAIRE) && contexte.identite().couvre(t.territoire());
        if (!sienne && !gestionnaire) {
            throw new AccesRefuseException("Accès refusé : la commission n° " + id + " est celle de " + t.bailleur()
                    + " (territoire " + t.territoire() + ").");
        }
        LocalDate jour = LocalDate.now(horloge);
        Map<String, List<FicheCandidat>> parLogement = new LinkedHashMap<>();
        for (CommissionStore.Fiche f : store.fiches(id, jour)) {
            parLogement.computeIfAbsent(f.identifiantRpls(), k -> new ArrayList<>()).add(new FicheCandidat(
                    f.numeroUnique(), f.rang(), f.statut(), f.nom().toUpperCase(Locale.FRANCE) + " " + f.prenoms(),
                    composition(f), f.tailleMenage(), f.ressourcesMensuelles(), f.revenuFiscal(), f.tauxEffort(),
                    f.points(), f.dateDepot(), java.time.Period.between(f.dateDepot(), jour).toTotalMonths(), f.priorites(), f.dalo(),
                    f.decision(), f.motif()));
        }
        List<PointOrdreDuJour> points = new ArrayList<>();
        List<String> rpls = store.logements(id);
        for (int i = 0; i < rpls.size(); i++) {
            LogementOffert l = logements.logement(rpls.get(i), contexte);
            points.add(new PointOrdreDuJour(i + 1, l, store.motifMoinsDeTrois(rpls.get(i)),
                    parLogement.getOrDefault(rpls.get(i), List.of())));
        }
        if (auditer) {
            store.auditer(new EntreeAudit(horloge.instant(), contexte.acteur(), contexte.organisation(),
                    contexte.canal(), "COMMISSION_LECTURE", null, t.territoire(), "commission " + id + " : "
                    + parLogement.values().stream().mapToInt(List::size).sum() + " fiche(s)"));
        }
        return new Commission(t.id(), t.bailleur(), t.territoire(), t.date(), t.lieu(), t.statut(), points);
    }

    private static String composition(CommissionStore.Fiche f) {
        String adultes = f.coDemandeur() ? "deux demandeurs" : "une personne seule";
        return f.personnesACharge() == 0 ? adultes : adultes + " et " + f.personnesACharge()
                + " personne(s) à charge";
    }

    @Override
    public byte[] ordreDuJourPdf(long id, Contexte contexte) {
        return PdfCommission.ordreDuJour(commission(id, contexte));
    }

    @Override
    public byte[] fichesPdf(long id, Contexte contexte) {
        return PdfCommission.fiches(commission(id, contexte));
    }

    @Override
    public Commission decider(long id, String identifiantRpls, List<DecisionCandidat> decisions, Contexte contexte) {
        Commission c = lire(id, contexte, false);
        if (!contexte.identite().a(Role.BAILLEUR) && !contexte.identite().a(Role.GESTIONNAIRE)) {
            throw new AccesRefuseException("Accès refusé : les décisions de la commission sont déclarées par son"
                    + " bailleur ou un gestionnaire.");
        }
        PointOrdreDuJour point = c.ordreDuJour().stream().filter(p -> p.logement().identifiantRpls()
                .equals(identifiantRpls == null ? null : identifiantRpls.strip())).findFirst()
                .orElseThrow(() -> new DemandeInvalideException("Les décisions", List.of(new ErreurChamp(
                        "identifiantRpls", "ordre-du-jour", identifiantRpls, "ce logement n'est pas à l'ordre du"
                        + " jour de la commission n° " + id))));
        List<ErreurChamp> e = new ArrayList<>();
        List<DecisionCandidat> liste = decisions == null ? List.of() : decisions;
        if (liste.isEmpty()) {
            e.add(new ErreurChamp("decisions", "obligatoire", null, "au moins une décision"));
        }
        Map<String, FicheCandidat> candidats = new LinkedHashMap<>();
        point.candidats().forEach(f -> candidats.put(f.numeroUnique(), f));
        long attributions = point.candidats().stream().filter(f -> f.decision() != null
                && ATTRIBUTIONS.contains(f.decision()) && f.statut() != StatutCandidature.RENONCEE).count();
        Set<String> vus = new HashSet<>();
        for (int i = 0; i < liste.size(); i++) {
            String p = "decisions[" + i + "].";
            DecisionCandidat d = liste.get(i);
            if (d == null || ValidateurLogement.manque(e, p + "numeroUnique", d.numeroUnique())) {
                continue;
            }
            FicheCandidat f = candidats.get(d.numeroUnique().strip());
            if (f == null || !f.statut().enCours()) {
                e.add(new ErreurChamp(p + "numeroUnique", "candidat", d.numeroUnique(), "pas un candidat en lice"
                        + " pour ce logement"));
            } else if (!vus.add(f.numeroUnique())) {
                e.add(new ErreurChamp(p + "numeroUnique", "unicite", d.numeroUnique(), "une décision par candidat"));
            }
            if (ValidateurLogement.manque(e, p + "decision", d.decision())) {
                continue;
            }
            switch (d.decision()) {
                case ATTRIBUTION, ATTRIBUTION_SOUS_CONDITION -> attributions++;
                case ATTRIBUTION_PAR_CLASSEMENT -> {
                    if (d.rang() == null || d.rang() < 2 || d.rang() > 3) {
                        e.add(new ErreurChamp(p + "rang", "obligatoire", String.valueOf(d.rang()), "une attribution"
                                + " par classement donne le rang du candidat dans le classement, 2 ou 3"));
                    }
                }
                case NON_ATTRIBUTION -> {
                    if (d.motif() == null || d.motif().isBlank()) {
                        e.add(new ErreurChamp(p + "motif", "obligatoire", null, "une non-attribution est motivée"));
                    }
                }
                case IRRECEVABILITE -> {
                    if (d.motifIrrecevabilite() == null) {
                        e.add(new ErreurChamp(p + "motifIrrecevabilite", "obligatoire", null,
                                "RESSOURCES_SUPERIEURES_PLAFOND, SEJOUR_IRREGULIER ou AUTRE"));
                    }
                }
                default -> {
                }
            }
            if (d.decision() == DecisionCal.ATTRIBUTION_SOUS_CONDITION
                    && (d.condition() == null || d.condition().isBlank())) {
                e.add(new ErreurChamp(p + "condition", "obligatoire", null, "la condition à remplir, et son délai"));
            } else if (d.decision() != DecisionCal.ATTRIBUTION_SOUS_CONDITION && d.condition() != null) {
                e.add(new ErreurChamp(p + "condition", "coherence", d.condition(), "une condition ne va qu'avec"
                        + " ATTRIBUTION_SOUS_CONDITION"));
            }
            if (d.decision() != DecisionCal.IRRECEVABILITE && d.motifIrrecevabilite() != null) {
                e.add(new ErreurChamp(p + "motifIrrecevabilite", "coherence", null, "ne va qu'avec IRRECEVABILITE"));
            }
            if (d.motif() != null && d.motif().length() > 1000) {
                e.add(new ErreurChamp(p + "motif", "longueur", null, "1000 caractères au plus"));
            }
        }
        if (attributions > 1) {
            e.add(new ErreurChamp("decisions", "attribution-unique", String.valueOf(attributions), "un logement est"
                    + " attribué à un candidat ; les suivants le sont par classement (ATTRIBUTION_PAR_CLASSEMENT)"));
        }
        // a demand attributed a dwelling is not attributed a second one
        List<String> attribues = liste.stream().filter(d -> d != null && d.decision() != null
                && d.decision() != DecisionCal.NON_ATTRIBUTION && d.decision() != DecisionCal.IRRECEVABILITE
                && d.numeroUnique() != null).map(d -> d.numeroUnique().strip()).toList();
        Map<String, List<String>> ailleurs = store.attribueesAilleurs(attribues, identifiantRpls.strip());
        for (int i = 0; i < liste.size(); i++) {
            DecisionCandidat d = liste.get(i);
            if (d != null && d.numeroUnique() != null && ailleurs.containsKey(d.numeroUnique().strip())
                    && attribues.contains(d.numeroUnique().strip())) {
                e.add(new ErreurChamp("decisions[" + i + "].numeroUnique", "deja-attribuee", d.numeroUnique(),
                        "cette demande a déjà un logement attribué (" + String.join(", ", ailleurs.get(
                                d.numeroUnique().strip())) + ") : elle n'en reçoit pas un second"));
            }
        }
        if (!e.isEmpty()) {
            throw new DemandeInvalideException("Les décisions", e);
        }
        Instant maintenant = horloge.instant();
        List<CommissionStore.Decision> lignes = liste.stream().map(d -> new CommissionStore.Decision(
                d.numeroUnique().strip(), d.decision(), d.decision() == DecisionCal.ATTRIBUTION_PAR_CLASSEMENT
                        ? d.rang() : candidats.get(d.numeroUnique().strip()).rang(), d.motif(),
                d.motifIrrecevabilite(), d.condition(), c.bailleur(), c.date(), contexte.acteur(), contexte.canal()))
                .toList();
        String details = "commission n° " + id + " du " + c.date() + " : " + String.join(", ", lignes.stream()
                .map(l -> l.numeroUnique() + " " + l.decision()).toList());
        store.decider(id, identifiantRpls.strip(), lignes, LogementsServiceImpl.evenement(contexte, maintenant,
                "DECISION_CAL", point.logement().statut(), details), lignes.stream().map(l -> new EntreeAudit(
                        maintenant, contexte.acteur(), contexte.organisation(), contexte.canal(), "DECISION_CAL",
                        l.numeroUnique(), c.territoire(), l.decision() + " (logement " + identifiantRpls.strip()
                        + ", commission n° " + id + ")")).toList());
        LOG.info("Logement {} : {} ({} via {})", identifiantRpls.strip(), details, contexte.acteur(),
                contexte.canal());
        return lire(id, contexte, false);
    }
}
