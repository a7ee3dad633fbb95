package org.registrehub.attribution.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.AttributionService;
import org.registrehub.api.DecisionCal;
import org.registrehub.api.DecisionCommission;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Ressource;
import org.registrehub.api.Typologie;
import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.ActionsLogement;
import org.registrehub.api.attribution.CandidatDesigne;
import org.registrehub.api.attribution.Candidature;
import org.registrehub.api.attribution.Commission;
import org.registrehub.api.attribution.DecisionCandidat;
import org.registrehub.api.attribution.DeclarationLogement;
import org.registrehub.api.attribution.DroitsAttribution;
import org.registrehub.api.attribution.Designation;
import org.registrehub.api.attribution.FicheCandidat;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.MotifMoinsDeTrois;
import org.registrehub.api.attribution.PlanCommission;
import org.registrehub.api.attribution.Reservataire;
import org.registrehub.api.attribution.ResumeCommission;
import org.registrehub.api.attribution.StatutCandidature;
import org.registrehub.api.attribution.StatutCommission;
import org.registrehub.api.attribution.TypeReservataire;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * A commission d'attribution on PostgreSQL with the real register: planned with two dwellings and their candidates,
 * its agenda and sheets (facts computed by the test, PDF pages counted), its decisions with the legal outcomes, one
 * attribution per dwelling and per demand; the ERP messages decisionCal and renonciation feed the same candidatures.
 */
public class CommissionPostgresTest {

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_commission");

    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-01T08:00:00Z"));
    private RegistreService registre;
    private AttributionService suivi;
    private LogementsServiceImpl logements;
    private CandidaturesServiceImpl candidatures;
    private CommissionServiceImpl commissions;
    private final List<String> numeros = new ArrayList<>();
    private final List<Dossier> dossiers = new ArrayList<>();
    private String a;
    private String b;

    @Before
    public void commission() {
        registre = base.base().registre(horloge);
        suivi = base.base().attribution(registre, horloge);
        AttributionPostgres store = new AttributionPostgres(base.base().base(),
                new org.registrehub.json.internal.JacksonJsonCodec());
        logements = new LogementsServiceImpl(store, horloge);
        candidatures = new CandidaturesServiceImpl(logements, store, horloge);
        commissions = new CommissionServiceImpl(logements, candidatures, store, horloge);
        Random r = new Random(11);
        for (int n = 0; n < 5; n++) {
            Dossier d = TerritoireGenere.dossier(r, n, LocalDate.now());
            dossiers.add(d);
            numeros.add(registre.enregistrer(new NouvelleDemande("G1104", d), RapprochementPostgresTest.GESTIONNAIRE)
                    .numeroUnique());
        }
        a = logement("RPLS441090600");
        b = logement("RPLS441090601");
        candidatures.designer(a, new Designation(List.of(new CandidatDesigne(numeros.get(0), 1),
                new CandidatDesigne(numeros.get(1), 2), new CandidatDesigne(numeros.get(2), 3)), null, null),
                RapprochementPostgresTest.NMH);
        candidatures.designer(b, new Designation(List.of(new CandidatDesigne(numeros.get(0), 1),
                new CandidatDesigne(numeros.get(3), 2)), MotifMoinsDeTrois.DEMANDE_INSUFFISANTE, null),
                RapprochementPostgresTest.NMH);
    }

    private String logement(String rpls) {
        return logements.declarer(new DeclarationLogement(rpls, null, "6 rue Kervégan", "44109", Typologie.T3,
                new BigDecimal("66"), 1, false, Accessibilite.NON, new BigDecimal("455.20"), new BigDecimal("64.80"),
                Financement.PLUS, new Reservataire(TypeReservataire.BAILLEUR, "NMH"), LocalDate.of(2027, 1, 10)),
                RapprochementPostgresTest.NMH).identifiantRpls();
    }

    private Commission planifiee() {
        return commissions.planifier(new PlanCommission(null, LocalDate.of(2026, 12, 17), "siège de NMH",
                List.of(a, b)), RapprochementPostgresTest.NMH);
    }

    private static List<String> champs(DemandeInvalideException e) {
        return e.getErreurs().stream().map(ErreurChamp::champ).toList();
    }

    private List<StatutCandidature> statuts(String rpls) {
        return candidatures.candidatures(rpls, RapprochementPostgresTest.NMH).stream().map(Candidature::statut)
                .toList();
    }

    @Test
    public void lOrdreDuJourEtLesFichesMontrentCeQueLeTestCalcule() throws Exception {
        Commission c = planifiee();
        assertEquals(StatutCommission.PREVUE, c.statut());
        assertEquals(List.of(a, b), c.ordreDuJour().stream().map(p -> p.logement().identifiantRpls()).toList());
        assertEquals(MotifMoinsDeTrois.DEMANDE_INSUFFISANTE, c.ordreDuJour().get(1).motifMoinsDeTrois());
        List<FicheCandidat> fiches = c.ordreDuJour().get(0).candidats();
        assertEquals(List.of(numeros.get(0), numeros.get(1), numeros.get(2)), fiches.stream()
                .map(FicheCandidat::numeroUnique).toList());
        for (int i = 0; i < 3; i++) {
            Dossier d = dossiers.get(i);
            FicheCandidat f = fiches.get(i);
            BigDecimal ressources = d.ressources().stream().map(Ressource::montantMensuel)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(d.tailleMenage(), f.tailleMenage());
            assertEquals(0, ressources.compareTo(f.ressourcesMensuelles()));
            assertEquals(ressources.signum() == 0 ? null : new BigDecimal("52000.00").divide(ressources, 1,
                    RoundingMode.HALF_UP), f.tauxEffort());
            assertTrue(f.nom(), f.nom().startsWith(d.demandeur().nom().toUpperCase()));
        }
        try (PDDocument fichesPdf = Loader.loadPDF(commissions.fichesPdf(c.id(), RapprochementPostgresTest.NMH));
             PDDocument odj = Loader.loadPDF(commissions.ordreDuJourPdf(c.id(),
                     RapprochementPostgresTest.GESTIONNAIRE))) {
            assertEquals("one sheet per candidate", 5, fichesPdf.getNumberOfPages());
            String texte = new PDFTextStripper().getText(odj);
            assertTrue(texte, texte.contains("Ordre du jour") && texte.contains(a) && texte.contains(numeros.get(3))
                    && texte.contains("Moins de trois candidats : DEMANDE_INSUFFISANTE"));
        }
        assertThrows(AccesRefuseException.class, () -> commissions.commission(c.id(),
                RapprochementPostgresTest.AUTRE_BAILLEUR));
        assertTrue(base.db().count("SELECT count(*) FROM audit WHERE operation = 'COMMISSION_LECTURE'") >= 2);
    }

    /**
     * The sessions each user lists, and what the screens may offer on a dwelling, follow the operations' checks: the
     * landlord and the gestionnaire of the territory list and change, another landlord or another territory nothing;
     * a withdrawn offer offers nothing more.
     */
    @Test
    public void lesListesEtLesActionsSuiventLesDroitsDesOperations() {
        Commission c = planifiee();
        assertEquals(List.of(new ResumeCommission(c.id(), "NMH", "044", LocalDate.of(2026, 12, 17), "siège de NMH",
                StatutCommission.PREVUE, 2)), commissions.commissions(RapprochementPostgresTest.NMH));
        assertEquals(List.of(c.id()), commissions.commissions(RapprochementPostgresTest.GESTIONNAIRE).stream()
                .map(ResumeCommission::id).toList());
        assertEquals(List.of(), commissions.commissions(RapprochementPostgresTest.AUTRE_BAILLEUR));
        assertEquals(List.of(), commissions.commissions(RapprochementPostgresTest.GESTIONNAIRE_85));
        assertThrows(AccesRefuseException.class, () -> commissions.commissions(RapprochementPostgresTest.GUICHET));

        assertEquals(new DroitsAttribution(true, true, true), logements.droits(RapprochementPostgresTest.NMH));
        assertEquals(new DroitsAttribution(true, false, false), logements.droits(RapprochementPostgresTest.GUICHET));
        assertEquals(new DroitsAttribution(false, false, false),
                logements.droits(RapprochementPostgresTest.OBSERVATEUR));
        LogementOffert l = logements.logement(a, RapprochementPostgresTest.NMH);
        assertEquals(new ActionsLogement(true, true, true), logements.actions(l, RapprochementPostgresTest.NMH));
        assertEquals(new ActionsLogement(true, true, true), logements.actions(l,
                RapprochementPostgresTest.GESTIONNAIRE));
        assertEquals(new ActionsLogement(false, false, false), logements.actions(l,
                RapprochementPostgresTest.AUTRE_BAILLEUR));
        assertEquals(new ActionsLogement(false, false, false), logements.actions(l,
                RapprochementPostgresTest.GESTIONNAIRE_85));
        // each "false" is a refusal of the operation itself
        assertThrows(AccesRefuseException.class, () -> logements.retirer(a, "essai",
                RapprochementPostgresTest.AUTRE_BAILLEUR));
        assertThrows(AccesRefuseException.class, () -> candidatures.designer(a, new Designation(List.of(
                new CandidatDesigne(numeros.get(4), 1)), null, null), RapprochementPostgresTest.GESTIONNAIRE_85));
        LogementOffert retire = logements.retirer(b, "vendu", RapprochementPostgresTest.NMH);
        assertEquals(new ActionsLogement(false, false, false), logements.actions(retire,
                RapprochementPostgresTest.NMH));
    }

    @Test
    public void lesDecisionsSuiventLesRegles() {
        Commission c = planifiee();
        DemandeInvalideException sansMotif = assertThrows(DemandeInvalideException.class, () -> commissions.decider(
                c.id(), a, List.of(new DecisionCandidat(numeros.get(0), DecisionCal.ATTRIBUTION, null, null, null,
                        null), new DecisionCandidat(numeros.get(1), DecisionCal.ATTRIBUTION, null, null, null, null),
                        new DecisionCandidat(numeros.get(2), DecisionCal.NON_ATTRIBUTION, null, null, null, null)),
                RapprochementPostgresTest.NMH));
        assertEquals(List.of("decisions[2].motif", "decisions"), champs(sansMotif));
        assertEquals(0, base.db().count("SELECT count(*) FROM suivi_attribution WHERE nature = 'DECISION_CAL'"));

        commissions.decider(c.id(), a, List.of(
                new DecisionCandidat(numeros.get(0), DecisionCal.ATTRIBUTION, null, null, null, null),
                new DecisionCandidat(numeros.get(1), DecisionCal.ATTRIBUTION_PAR_CLASSEMENT, 2, null, null, null),
                new DecisionCandidat(numeros.get(2), DecisionCal.NON_ATTRIBUTION, null, "taux d'effort trop élevé",
                        null, null)), RapprochementPostgresTest.NMH);
        assertEquals(List.of(StatutCandidature.ATTRIBUEE, StatutCandidature.ATTRIBUEE_CLASSEMENT,
                StatutCandidature.NON_ATTRIBUEE), statuts(a));
        assertEquals(3, base.db().count("SELECT count(*) FROM suivi_attribution WHERE nature = 'DECISION_CAL'"));
        assertEquals(StatutCommission.TENUE, commissions.commission(c.id(), RapprochementPostgresTest.NMH).statut());

        // the same demand is not attributed a second dwelling
        DemandeInvalideException deuxFois = assertThrows(DemandeInvalideException.class, () -> commissions.decider(
                c.id(), b, List.of(new DecisionCandidat(numeros.get(0), DecisionCal.ATTRIBUTION, null, null, null,
                        null)), RapprochementPostgresTest.NMH));
        assertEquals("deja-attribuee", deuxFois.getErreurs().get(0).regle());
        // the applicant turns the first dwelling down (an ERP renonciation): free for the second
        suivi.renoncer(numeros.get(0), a, LocalDate.of(2026, 12, 1), "trop loin du travail",
                RapprochementPostgresTest.NMH);
        assertEquals(StatutCandidature.RENONCEE, statuts(a).get(0));
        commissions.decider(c.id(), b, List.of(new DecisionCandidat(numeros.get(0), DecisionCal.ATTRIBUTION, null,
                null, null, null)), RapprochementPostgresTest.NMH);
        assertEquals(StatutCandidature.ATTRIBUEE, statuts(b).get(0));
    }

    @Test
    public void lesMessagesErpNourrissentLesMemesCandidatures() {
        // an ERP's decisionCal on a candidate of an offered dwelling
        suivi.deciderCal(new DecisionCommission(numeros.get(3), b, LocalDate.of(2026, 11, 30),
                DecisionCal.IRRECEVABILITE, MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, null, 2, null),
                RapprochementPostgresTest.NMH);
        assertEquals(List.of(StatutCandidature.PROPOSEE, StatutCandidature.IRRECEVABLE), statuts(b));
        // an ERP's proposition for an offered dwelling designates its candidates
        String c = logement("RPLS441090602");
        suivi.proposer(new org.registrehub.api.Proposition(c, LocalDate.of(2026, 11, 30), List.of(
                new org.registrehub.api.Candidat(numeros.get(4), 1)), "CAL de janvier"),
                RapprochementPostgresTest.NMH);
        assertEquals(List.of(numeros.get(4)), candidatures.candidatures(c, RapprochementPostgresTest.NMH).stream()
                .map(Candidature::numeroUnique).toList());
        assertEquals(List.of("DECLARATION", "DESIGNATION"), logements.historique(c, RapprochementPostgresTest.NMH)
                .stream().map(e -> e.operation()).toList());
    }
}
