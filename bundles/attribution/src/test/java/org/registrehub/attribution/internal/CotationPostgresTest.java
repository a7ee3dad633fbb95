package org.registrehub.attribution.internal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.Motif;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.attribution.CotationDemande;
import org.registrehub.api.attribution.CritereCotation;
import org.registrehub.api.attribution.GrilleCotation;
import org.registrehub.api.attribution.PointsCritere;
import org.registrehub.api.attribution.TypeCritereCotation;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * The cotation on PostgreSQL with the real register: a grid of every criterion type; each demand's points, detail and
 * position computed by the test from the dossiers and compared with the hub's; the points the matching ranks by are
 * the same; recomputed when a demand changes, when the grid changes and, for ancienneté, a month later.
 */
public class CotationPostgresTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Contexte GESTIONNAIRE = RapprochementPostgresTest.GESTIONNAIRE;

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_cotation");

    private final LocalDate aujourdhui = LocalDate.now(PARIS);
    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, aujourdhui.minusYears(3)
            .atTime(9, 0).atZone(PARIS).toInstant());
    private RegistreService registre;
    private CotationServiceImpl cotation;
    private final Map<String, Dossier> dossiers = new HashMap<>();
    private final Map<String, Demande> demandes = new HashMap<>();

    static final List<CritereCotation> GRILLE = List.of(
            new CritereCotation("SANS_LOGEMENT", "Sans logement", TypeCritereCotation.PRIORITE, "SANS_LOGEMENT", 100,
                    null),
            new CritereCotation("VIOLENCES", "Victime de violences", TypeCritereCotation.PRIORITE, "VIOLENCES", 80,
                    null),
            new CritereCotation("DALO", "Reconnu DALO", TypeCritereCotation.DALO, null, 150, null),
            new CritereCotation("TROP_CHER", "Logement trop cher", TypeCritereCotation.MOTIF, "LOGEMENT_TROP_CHER",
                    10, null),
            new CritereCotation("HEBERGE", "Hébergé par la famille", TypeCritereCotation.STATUT_LOGEMENT,
                    "HEBERGE_FAMILLE", 40, null),
            new CritereCotation("MUTATION", "Déjà locataire HLM", TypeCritereCotation.MUTATION, null, -10, null),
            new CritereCotation("ANCIENNETE", "Par mois d'ancienneté", TypeCritereCotation.ANCIENNETE_MOIS, null, 2,
                    48),
            new CritereCotation("ENFANTS", "Par personne à charge", TypeCritereCotation.PERSONNE_A_CHARGE, null, 5,
                    15));

    @Before
    public void territoire() {
        registre = base.base().registre(horloge);
        cotation = new CotationServiceImpl(new AttributionPostgres(base.base().base(),
                new org.registrehub.json.internal.JacksonJsonCodec()), base.base().baux(), horloge);
        Random r = new Random(7);
        for (int n = 0; n < 60; n++) {
            horloge.jour(aujourdhui.minusYears(3).plusDays(n * 17L + r.nextInt(5)).toString());
            Dossier d = TerritoireGenere.dossier(r, n, aujourdhui);
            Demande demande = registre.enregistrer(new NouvelleDemande("G1104", d), GESTIONNAIRE);
            dossiers.put(demande.numeroUnique(), d);
            demandes.put(demande.numeroUnique(), demande);
        }
        horloge.jour(aujourdhui.toString());
        horloge.avancer(java.time.Duration.ofHours(1)); // 10:00, Paris: the daily update's hour has come
    }

    /** The test's own reading of the grid for a dossier. */
    static int points(Dossier d, LocalDate depot, LocalDate jour, boolean dalo, List<CritereCotation> grille) {
        Set<String> priorites = TerritoireGenere.priorites(d);
        int total = 0;
        for (CritereCotation c : grille) {
            int unites = switch (c.type()) {
                case PRIORITE -> priorites.contains(c.valeur()) ? 1 : 0;
                case DALO -> dalo ? 1 : 0;
                case MOTIF -> d.motifs().contains(Motif.valueOf(c.valeur())) ? 1 : 0;
                case STATUT_LOGEMENT -> d.logementActuel().statut() == StatutLogement.valueOf(c.valeur()) ? 1 : 0;
                case MUTATION -> d.mutation() ? 1 : 0;
                case ANCIENNETE_MOIS -> (int) Period.between(depot, jour).toTotalMonths();
                case PERSONNE_A_CHARGE -> d.personnesACharge().size();
            };
            total += Math.min(c.plafond() == null ? Integer.MAX_VALUE : c.plafond(), c.points() * unites);
        }
        return total;
    }

    private Map<String, Integer> attendus(LocalDate jour, List<CritereCotation> grille) {
        Map<String, Integer> p = new HashMap<>();
        demandes.forEach((n, d) -> p.put(n, points(dossiers.get(n), d.dateDepot(), jour, false, grille)));
        return p;
    }

    /** Position computed by the test: among demands of the same first commune and typology wish. */
    private long position(String numero, Map<String, Integer> points) {
        Demande moi = demandes.get(numero);
        String commune = moi.dossier().logementRecherche().communes().get(0);
        String typologie = moi.dossier().logementRecherche().typologies().get(0).name();
        List<Demande> memes = new ArrayList<>();
        for (Demande d : demandes.values()) {
            var lr = d.dossier().logementRecherche();
            if (lr.communes().contains(commune) && lr.typologies().stream().anyMatch(t -> t.name().equals(typologie))) {
                memes.add(d);
            }
        }
        memes.sort(Comparator.comparing((Demande d) -> -points.get(d.numeroUnique())).thenComparing(Demande::dateDepot)
                .thenComparing(Demande::numeroUnique));
        return memes.indexOf(moi) + 1;
    }

    private long pointsDuRapprochement(String numero) {
        return base.db().count("SELECT min(points) FROM rapprochement WHERE numero_unique = '" + numero + "'"
                + " HAVING min(points) = max(points)");
    }

    @Test
    public void lesPointsLeDetailEtLaPositionSontCeuxQueLeTestCalcule() {
        GrilleCotation g = cotation.definirGrille("044", GRILLE, GESTIONNAIRE);
        assertEquals(1, g.version());
        assertNotNull("appliquée", g.appliqueeLe());
        Map<String, Integer> attendus = attendus(aujourdhui, GRILLE);
        assertTrue("des demandes aux points différents", attendus.values().stream().distinct().count() > 10);
        for (String n : demandes.keySet()) {
            CotationDemande c = cotation.cotation(n, GESTIONNAIRE);
            assertEquals(n, attendus.get(n).intValue(), c.points());
            assertEquals(GRILLE.stream().map(CritereCotation::code).toList(), c.detail().stream()
                    .map(PointsCritere::code).toList());
            assertEquals(c.points(), c.detail().stream().mapToInt(PointsCritere::points).sum());
            assertEquals("044", c.territoireGrille());
            assertEquals(n, position(n, attendus), c.position());
            assertEquals(n, attendus.get(n).longValue(), pointsDuRapprochement(n));
        }
        // a nominative read: audited
        assertTrue(base.db().count("SELECT count(*) FROM audit WHERE operation = 'COTATION'") >= demandes.size());
        assertEquals(1, base.db().count("SELECT count(*) FROM audit WHERE operation = 'COTATION_GRILLE'"));
    }

    @Test
    public void unChangementDeLaDemandeOuDeLaGrilleRecalculeLesPoints() {
        cotation.definirGrille("044", GRILLE, GESTIONNAIRE);
        String numero = demandes.keySet().stream().sorted().findFirst().orElseThrow();
        Dossier d = dossiers.get(numero);
        List<Motif> motifs = new ArrayList<>(List.of(Motif.VIOLENCES_FAMILIALES));
        Dossier violences = new Dossier(d.demandeur(), d.coDemandeur(), d.personnesACharge(), d.contact(),
                d.situationFamiliale(), d.ressources(), d.revenuFiscal(), d.logementActuel(), motifs,
                d.logementRecherche(), d.handicap());
        Demande lue = registre.consulter(numero, GESTIONNAIRE).orElseThrow();
        registre.modifier(numero, lue.version(), violences, GESTIONNAIRE);
        int attendu = points(violences, lue.dateDepot(), aujourdhui, false, GRILLE);
        assertEquals(attendu, cotation.cotation(numero, GESTIONNAIRE).points());
        assertEquals(attendu, pointsDuRapprochement(numero));

        // a DALO decision reported by the national register
        base.db().count("INSERT INTO recours_dalo (numero_unique, date_recours, decision, origine, signale_le)"
                + " VALUES ('" + numero + "', '2026-01-10', 'PRIORITAIRE_URGENT', 'COMED 44', now()) RETURNING 1");
        assertEquals(attendu + 150, cotation.cotation(numero, GESTIONNAIRE).points());
        assertEquals(attendu + 150, pointsDuRapprochement(numero));

        // version 2: ancienneté weighs more, no more points for a dependant
        List<CritereCotation> v2 = new ArrayList<>(GRILLE.subList(0, 6));
        v2.add(new CritereCotation("ANCIENNETE", "Par mois d'ancienneté", TypeCritereCotation.ANCIENNETE_MOIS, null,
                3, 90));
        GrilleCotation g2 = cotation.definirGrille("044", v2, GESTIONNAIRE);
        assertEquals(2, g2.version());
        assertEquals(List.of(2, 1), cotation.versions("044", GESTIONNAIRE).stream().map(GrilleCotation::version)
                .toList());
        for (String n : demandes.keySet()) {
            int p = points(n.equals(numero) ? violences : dossiers.get(n), demandes.get(n).dateDepot(), aujourdhui,
                    n.equals(numero), v2);
            assertEquals(n, p, cotation.cotation(n, GESTIONNAIRE).points());
            assertEquals(n, p, pointsDuRapprochement(n));
        }
    }

    @Test
    public void unMoisPlusTardLAncienneteDonneSesPoints() {
        cotation.definirGrille("044", GRILLE, GESTIONNAIRE);
        assertTrue(cotation.echue());
        cotation.mettreAJour(GESTIONNAIRE);
        assertEquals(java.util.Optional.of(aujourdhui), new AttributionPostgres(base.base().base(),
                new org.registrehub.json.internal.JacksonJsonCodec()).derniereMiseAJour());
        assertTrue("done for today", !cotation.echue());
        LocalDate plusTard = aujourdhui.plusMonths(1).plusDays(1);
        horloge.jour(plusTard.toString());
        horloge.avancer(java.time.Duration.ofHours(5)); // 05:00
        assertTrue(cotation.echue());
        long changees = cotation.mettreAJour(GESTIONNAIRE);
        Map<String, Integer> attendus = attendus(plusTard, GRILLE);
        int plafonnees = 0;
        for (String n : demandes.keySet()) {
            assertEquals(n, attendus.get(n).longValue(), pointsDuRapprochement(n));
            if (Period.between(demandes.get(n).dateDepot(), aujourdhui).toTotalMonths() * 2 >= 48) {
                plafonnees++;
            }
        }
        assertEquals("every demand under the cap gained its month", demandes.size() - plafonnees, changees);
    }

    @Test
    public void uneGrilleInvalideOuHorsTerritoireEstRefuseeEntiere() {
        DemandeInvalideException e = assertThrows(DemandeInvalideException.class, () -> cotation.definirGrille("044",
                List.of(new CritereCotation("bad code", "", TypeCritereCotation.PRIORITE, "RICHE", 5000, null),
                        new CritereCotation("DALO", "DALO", TypeCritereCotation.DALO, "OUI", 10, 5),
                        new CritereCotation("DALO", "Encore", null, null, null, null)), GESTIONNAIRE));
        assertEquals(List.of("criteres[0].code", "criteres[0].libelle", "criteres[0].points", "criteres[0].valeur",
                "criteres[1].valeur", "criteres[1].plafond", "criteres[2].code", "criteres[2].points",
                "criteres[2].type"), e.getErreurs().stream().map(x -> x.champ()).toList());
        assertThat(e.getMessage(), containsString("La grille de cotation est invalide"));
        assertThrows(AccesRefuseException.class, () -> cotation.definirGrille("085", GRILLE, GESTIONNAIRE));
        assertThrows(AccesRefuseException.class, () -> cotation.definirGrille("044", GRILLE,
                RapprochementPostgresTest.NMH));
        assertThrows(AccesRefuseException.class, () -> cotation.cotation(demandes.keySet().iterator().next(),
                RapprochementPostgresTest.GESTIONNAIRE_85));
        assertEquals(0, base.db().count("SELECT count(*) FROM grille_cotation"));
        // without a grid: no points, no grid named; the published grid is read by anyone, even an observer
        CotationDemande sans = cotation.cotation(demandes.keySet().iterator().next(), GESTIONNAIRE);
        assertEquals(0, sans.points());
        assertNull(sans.territoireGrille());
        assertTrue(cotation.grille("044", RapprochementPostgresTest.OBSERVATEUR).isEmpty());
        // an EPCI's grid overrides the département's for the demands of its communes
        base.db().count("WITH e AS (INSERT INTO epci (code, nom) VALUES ('244400404', 'Nantes Métropole') RETURNING"
                + " 1), c AS (INSERT INTO epci_commune (epci, commune) VALUES ('244400404', '44109'), ('244400404',"
                + " '44162') RETURNING 1) SELECT count(*) FROM e, c");
        cotation.definirGrille("044", GRILLE, GESTIONNAIRE);
        cotation.definirGrille("244400404", List.of(new CritereCotation("UNIQUE", "Critère de la métropole",
                TypeCritereCotation.MUTATION, null, 7, null)), GESTIONNAIRE);
        for (Demande d : demandes.values()) {
            String premiere = d.dossier().logementRecherche().communes().get(0);
            CotationDemande c = cotation.cotation(d.numeroUnique(), GESTIONNAIRE);
            if (premiere.equals("44109") || premiere.equals("44162")) {
                assertEquals("244400404", c.territoireGrille());
                assertEquals(d.dossier().mutation() ? 7 : 0, c.points());
            } else {
                assertEquals("044", c.territoireGrille());
            }
        }
    }

    @Test
    public void lesJoursAnniversairesCouvrentLesFinsDeMois() {
        assertEquals(List.of(7), CotationServiceImpl.joursAnniversaires(LocalDate.of(2026, 12, 6),
                LocalDate.of(2026, 12, 7)));
        assertEquals(List.of(28, 29, 30, 31), CotationServiceImpl.joursAnniversaires(LocalDate.of(2027, 2, 27),
                LocalDate.of(2027, 2, 28)));
        assertEquals(31, CotationServiceImpl.joursAnniversaires(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 7))
                .size());
    }
}
