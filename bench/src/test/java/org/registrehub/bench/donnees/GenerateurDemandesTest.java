package org.registrehub.bench.donnees;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.Test;
import org.registrehub.api.Demande;
import org.registrehub.api.Statut;
import org.registrehub.api.Typologie;

public class GenerateurDemandesTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 23);
    private static final Pattern NUMERO =
            Pattern.compile("^[0-9]{2}[0-9AB](0[1-9]|1[0-2])[0-9]{2}[0-9]{6}(G[0-9]{4}|GDPUB)$");

    @Test
    public void theSameSeedGivesTheSameDemands() {
        GenerateurDemandes a = new GenerateurDemandes(42, AUJOURDHUI, 4);
        GenerateurDemandes b = new GenerateurDemandes(42, AUJOURDHUI, 4);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.suivante(), b.suivante());
        }
        assertTrue(!new GenerateurDemandes(43, AUJOURDHUI, 4).suivante()
                .equals(new GenerateurDemandes(42, AUJOURDHUI, 4).suivante()));
    }

    @Test
    public void demandsAreConsistentAndFollowTheReferenceMix() {
        GenerateurDemandes g = new GenerateurDemandes(7, AUJOURDHUI, 4);
        Map<Typologie, Integer> actives = new EnumMap<>(Typologie.class);
        Set<String> numeros = new HashSet<>();
        int total = 100_000;
        int nbActives = 0;
        for (int i = 0; i < total; i++) {
            Demande d = g.suivante();
            assertTrue(d.numeroUnique(), NUMERO.matcher(d.numeroUnique()).matches());
            assertTrue("numéros are unique", numeros.add(d.numeroUnique()));
            assertEquals(d.territoire(), d.numeroUnique().substring(0, 3));
            assertTrue(d.dateValidite().isAfter(d.dateDepot()));
            assertTrue(d.dossier().motifs().size() <= 3);
            assertEquals(d.statut() == Statut.RADIEE, d.radiation() != null);
            assertTrue(d.dossier().demandeur().dateNaissance().isBefore(d.dateDepot().minusYears(17)));
            if (d.statut() == Statut.ACTIVE) {
                assertTrue("an active demand is valid today", !d.dateValidite().isBefore(AUJOURDHUI));
                nbActives++;
                actives.merge(d.dossier().logementRecherche().typologies().get(0), 1, Integer::sum);
            }
        }
        double t3 = 100.0 * actives.get(Typologie.T3) / nbActives;
        double t2 = 100.0 * actives.get(Typologie.T2) / nbActives;
        assertEquals("T3 share of pending demands (DOMAIN: 34.2 %)", 34.2, t3, 1.0);
        assertEquals("T2 share of pending demands (DOMAIN: 30.4 %)", 30.4, t2, 1.0);
        assertTrue("a realistic share of the stock is pending: " + nbActives, nbActives > total / 3);
    }

    @Test
    public void familyNamesAreAsSkewedAsInFrance() {
        GenerateurDemandes generateur = new GenerateurDemandes(42, AUJOURDHUI, 4);
        java.util.Map<String, Integer> noms = new java.util.HashMap<>();
        int total = 200_000;
        for (int i = 0; i < total; i++) {
            noms.merge(generateur.nomDeFamille(), 1, Integer::sum);
        }
        double martin = 100.0 * noms.getOrDefault("Martin", 0) / total;
        assertTrue("Martin is the most frequent name, about 0.3 %: " + martin, martin > 0.2 && martin < 0.5);
        assertTrue("thousands of distinct names: " + noms.size(), noms.size() > 10_000);
        for (String nom : noms.keySet()) {
            assertTrue(nom, nom.matches("\\p{Lu}[\\p{L}' -]+"));
        }
    }
}
