package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.Secret;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TableauSatisfaction;

/**
 * The secret statistique on each table: small counts masked and written 0, the cells an identity or a total would
 * give them back from masked with them, nothing masked without a small count, and the renderers showing
 * {@link Secret#LIBELLE} instead of a number.
 */
public class SecretStatistiqueTest {

    private static final LocalDate JOUR = LocalDate.of(2026, 6, 30);

    @Test
    public void lesPetitsEffectifsDesFluxSontMasquesAvecDeQuoiNePasLesRetrouver() {
        // 044: nouvelles 120, abandon 2, attribution 30, non-réponse 1, stock 500 -> 587
        LigneFlux l044 = new LigneFlux("044", 500, 120, 0, 2, 30, 0, 0, 1, 0, 0, 587);
        LigneFlux l085 = new LigneFlux("085", 300, 50, 8, 10, 20, 0, 9, 0, 0, 0, 319);
        TableauFlux t = SecretStatistique.flux(new TableauFlux(JOUR, JOUR, Granularite.DEPARTEMENT,
                List.of(l044, l085)), 5);
        Secret s = t.secret();
        assertTrue(s.actif());
        assertEquals(5, s.seuil());
        // primary: abandon 2 and non-réponse 1; their sum 3 is under the threshold: the smallest other non-zero cell
        // (attribution 30) goes with them, so that the stock identity leaves them undetermined
        assertTrue(s.masque("044", "abandon"));
        assertTrue(s.masque("044", "nonReponse"));
        assertTrue(s.masque("044", "attribution"));
        assertTrue(s.masque("044", "radiations"));
        assertFalse(s.masque("044", "nouvelles"));
        assertFalse(s.masque("044", "stockFin"));
        LigneFlux vue = t.lignes().get(0);
        assertEquals(0, vue.abandon());
        assertEquals(0, vue.nonReponse());
        assertEquals(0, vue.attribution());
        assertEquals(120, vue.nouvelles());
        assertEquals(587, vue.stockFin());
        // 085 has no small count: nothing masked there
        assertTrue(s.cellules().stream().noneMatch(c -> c.startsWith("085/")));
        assertEquals(l085, t.lignes().get(1));
        // the columns with a masked cell have their total masked (the shown cells do not add up to it)
        assertTrue(s.masque("TOTAL", "abandon"));
        assertTrue(s.masque("TOTAL", "attribution"));
        assertTrue(s.masque("TOTAL", "radiations"));
        assertFalse(s.masque("TOTAL", "nouvelles"));
        assertEquals(170, t.total().nouvelles());

        // the CSV/XLSX/HTML rows: "secret" where masked, numbers elsewhere, never the value
        List<Object> ligne = Tableaux.flux(t).lignes().get(0);
        assertEquals(List.of("044", 500L, 120L, 0L, 0L, "secret", "secret", "secret", 0L, 0L, "secret", 0L, 0L,
                587L),
                ligne);
        assertEquals("secret", Tableaux.flux(t).lignes().get(2).get(6));
    }

    @Test
    public void unSeulPetitEffectifEntraineLePlusPetitNonNulEtLeSeuilSeRegle() {
        LigneFlux l = new LigneFlux("G1104", 40, 6, 0, 0, 3, 0, 0, 0, 0, 0, 43);
        TableauFlux t = SecretStatistique.flux(new TableauFlux(JOUR, JOUR, Granularite.GUICHET, List.of(l)), 5);
        assertEquals(java.util.Set.of("G1104/attribution", "G1104/nouvelles", "G1104/radiations",
                "TOTAL/attribution", "TOTAL/nouvelles", "TOTAL/radiations"), t.secret().cellules());
        // threshold 11: 6 is small too
        TableauFlux onze = SecretStatistique.flux(new TableauFlux(JOUR, JOUR, Granularite.GUICHET, List.of(l)), 11);
        assertTrue(onze.secret().masque("G1104", "nouvelles"));
        assertTrue(onze.secret().masque("G1104", "attribution"));
        // a table with no small count is untouched
        LigneFlux grand = new LigneFlux("G1104", 40, 6, 0, 0, 0, 0, 0, 0, 0, 0, 46);
        TableauFlux intact = SecretStatistique.flux(new TableauFlux(JOUR, JOUR, Granularite.GUICHET,
                List.of(grand)), 5);
        assertTrue(intact.secret().cellules().isEmpty());
        assertEquals(grand, intact.lignes().get(0));
    }

    @Test
    public void repartitionDelaisSatisfactionSerieEtQualite() {
        Map<String, Long> effectifs = new LinkedHashMap<>();
        Dimension.TYPOLOGIE.modalites().forEach(m -> effectifs.put(m, 0L));
        effectifs.put("T2", 40L);
        effectifs.put("T3", 35L);
        effectifs.put("T6_PLUS", 1L);
        Repartition r = SecretStatistique.repartition(new Repartition(Dimension.TYPOLOGIE, JOUR,
                Granularite.DEPARTEMENT, List.of(new LigneRepartition("044", effectifs))), 5);
        // T6+ alone, then the smallest non-zero other (T3) so that the stock of the département does not give it
        assertTrue(r.secret().masque("044", "T6_PLUS"));
        assertTrue(r.secret().masque("044", "T3"));
        assertFalse(r.secret().masque("044", "T2"));
        assertTrue(r.secret().masque("044", "total"));
        assertEquals(0, r.lignes().get(0).effectif("T6_PLUS"));
        assertEquals(40, r.lignes().get(0).effectif("T2"));

        TableauDelais d = SecretStatistique.delais(new TableauDelais(JOUR, List.of(
                new LigneDelai("044", "T3", 24, 50, 3), new LigneDelai("044", "T2", 24, 60, 20))), 5);
        assertTrue(d.secret().masque("044:T3", "auDela"));
        assertTrue(d.secret().masque("044:T3", "part"));
        assertTrue(d.secret().masque("044", "auDela"));
        assertTrue(d.secret().masque("TOTAL", "auDela"));
        assertFalse(d.secret().masque("044:T2", "auDela"));
        assertEquals(0, d.lignes().get(0).auDela());

        TableauSatisfaction s = SecretStatistique.satisfaction(new TableauSatisfaction(JOUR, JOUR,
                Granularite.DEPARTEMENT, List.of(new LigneSatisfaction("044", 2, 400, 1),
                new LigneSatisfaction("085", 30, 9000, 28))), 5);
        // two attributions: their average délai would describe them; 28 of 30 within a year: 2 were not
        assertTrue(s.secret().masque("044", "delaiMoyenMois"));
        assertEquals(0, s.lignes().get(0).joursCumules());
        assertTrue(s.secret().masque("085", "partEnUnAn"));
        assertFalse(s.secret().masque("085", "delaiMoyenMois"));
        assertTrue(s.secret().masque("TOTAL", "delaiMoyenMois"));

        // a month's small count and, its column adding up to the period's flows, the smallest other month with it
        SerieMensuelle m = SecretStatistique.serie(new SerieMensuelle(JOUR.minusMonths(2), JOUR, "044", List.of(
                new LigneMensuelle(YearMonth.of(2026, 4), 20, 10, 8, 5, 0),
                new LigneMensuelle(YearMonth.of(2026, 5), 2, 12, 9, 6, 0),
                new LigneMensuelle(YearMonth.of(2026, 6), 15, 11, 7, 7, 0))), 5);
        assertTrue(m.secret().masque("2026-05", "nouvelles"));
        assertTrue(m.secret().masque("2026-06", "nouvelles"));
        assertFalse(m.secret().masque("2026-04", "nouvelles"));
        assertFalse(m.secret().masque("2026-05", "renouvellements"));
        assertEquals(0, m.mois().get(1).nouvelles());
        assertEquals("secret", Tableaux.serie(m).lignes().get(1).get(1));

        Map<IndicateurQualite, Long> v = new EnumMap<>(IndicateurQualite.class);
        v.put(IndicateurQualite.NIR_ABSENT, 3L);
        v.put(IndicateurQualite.TELEPHONE_ABSENT, 12L);
        TableauQualite q = SecretStatistique.qualite(new TableauQualite(JOUR, List.of(new LigneQualite("G1104", 80,
                v))), 5);
        assertTrue(q.secret().masque("G1104", "NIR_ABSENT"));
        assertFalse(q.secret().masque("G1104", "TELEPHONE_ABSENT"));
        assertEquals(0, q.lignes().get(0).valeur(IndicateurQualite.NIR_ABSENT));
        assertEquals(12, q.lignes().get(0).valeur(IndicateurQualite.TELEPHONE_ABSENT));
    }

    @Test
    public void leSeuilEstLuDansLaConfigurationEtVerifie() {
        assertEquals(5, ReglesStatistiques.DEFAUT.seuilSecret());
        assertEquals(11, ReglesStatistiques.lire(Map.of("secretStatistique.seuil", "11")).seuilSecret());
        IllegalArgumentException un = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> ReglesStatistiques.lire(Map.of("secretStatistique.seuil", "1")));
        assertTrue(un.getMessage(), un.getMessage().contains("secretStatistique.seuil"));
        IllegalArgumentException inconnue = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> ReglesStatistiques.lire(Map.of("secretStatistique.seuill", "5")));
        assertTrue(inconnue.getMessage(), inconnue.getMessage().contains("clé inconnue"));
    }
}
