package org.registrehub.web.backoffice.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The map of the départements: every outline read, five classes of equal counts, each figure in its tooltip. */
public class CarteTest {

    @Test
    public void lesContoursCouvrentLaMetropoleAvecLesCodesDuRegistre() {
        List<Carte.Departement> l = Carte.metropole();
        assertEquals(96, l.size());
        Map<String, String> noms = new LinkedHashMap<>();
        l.forEach(d -> noms.put(d.code(), d.nom()));
        assertEquals("Loire-Atlantique", noms.get("044"));
        assertTrue(noms.containsKey("02A") && noms.containsKey("02B") && noms.containsKey("001")
                && noms.containsKey("095"));
        assertTrue(l.stream().allMatch(d -> d.trace().startsWith("m ") || d.trace().startsWith("M ")));
    }

    @Test
    public void cinqClassesDEffectifsEgaux() {
        assertArrayEquals(new long[] {2, 4, 6, 8, 10}, Carte.seuils(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        // few values, or equal ones: fewer classes, strictly increasing
        assertArrayEquals(new long[] {5, 9}, Carte.seuils(new long[] {5, 9}));
        assertArrayEquals(new long[] {7}, Carte.seuils(new long[] {7, 7, 7}));
        assertArrayEquals(new long[0], Carte.seuils(new long[0]));
    }

    @Test
    public void chaqueDepartementPorteSaCouleurEtSonChiffre() {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("044", 3992L);
        v.put("059", 12L);
        v.put("974", 250L);
        Carte.Rendu r = Carte.dessiner(v, "demandes en attente", "Demandes en attente & <test>");
        String svg = r.svg();
        assertTrue(svg.contains("<title id=\"carte-titre\">Demandes en attente &amp; &lt;test&gt;</title>"));
        assertTrue(svg, svg.contains("<title>Loire-Atlantique (044) : 3\u202f992 demandes en attente</title>"));
        assertTrue(svg.contains("<title>La Réunion (974) : 250 demandes en attente</title>"));
        assertTrue(svg.contains("<title>Gironde (033) : pas de chiffre</title>"));
        // three values: three classes, the darkest for the largest
        assertTrue(svg.contains("fill=\"" + Carte.PALETTE[4] + "\" stroke=\"#ffffff\" stroke-width=\"0.6\""
                + " data-code=\"044\""));
        assertEquals(4, r.legende().size());
        assertEquals("de 1 à 12", r.legende().get(0).get("libelle"));
        assertEquals("de 251 à 3\u202f992", r.legende().get(2).get("libelle"));
    }
}
