package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.commons.io.output.CountingOutputStream;
import org.apache.commons.io.output.NullOutputStream;
import org.junit.Test;

/**
 * The writers alone: a chart of many groups keeps the largest, its size stays bounded; CSV decimals are French; a
 * large table goes to the stream as its rows are read.
 */
public class EcrituresTest {

    /**
     * A table of every commune (35,000 rows, 12 columns) written as CSV and as XLSX: by the time its last row is read,
     * most of the file has already left through the stream; a writer that built the file in memory first (the
     * exports before, or fastexcel without its flushes) would have written nothing yet.
     */
    @Test
    public void unTableauDeToutesLesCommunesPartDansLeFluxAMesureQueSesLignesSontLues() throws Exception {
        for (String format : List.of("CSV", "XLSX")) {
            CountingOutputStream sortie = new CountingOutputStream(NullOutputStream.INSTANCE);
            long[] ecritsALaDerniereLigne = {-1};
            int n = 35_000;
            List<List<Object>> lignes = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                List<Object> ligne = new ArrayList<>();
                ligne.add(String.format("%05d", 1000 + i));
                for (int c = 0; c < 11; c++) {
                    ligne.add((long) (i * 31 + c * 7) % 9973);
                }
                lignes.add(ligne);
            }
            // the last row notes how much of the file has left when the writer first reads it
            lignes.add(new java.util.AbstractList<>() {
                @Override
                public Object get(int c) {
                    if (ecritsALaDerniereLigne[0] < 0) {
                        ecritsALaDerniereLigne[0] = sortie.getByteCount();
                    }
                    return c == 0 ? "TOTAL" : (Object) (long) c;
                }

                @Override
                public int size() {
                    return 12;
                }
            });
            List<String> colonnes = new ArrayList<>(List.of("Commune"));
            for (int c = 0; c < 11; c++) {
                colonnes.add("Colonne " + c);
            }
            Tableau t = new Tableau("flux-commune", "Flux par commune", colonnes, lignes,
                    new Tableau.Graphe("Commune", List.of("Colonne 0"), List.of(), false));
            if (format.equals("CSV")) {
                Ecritures.csv(t, sortie);
            } else {
                Ecritures.xlsx(List.of(t), sortie);
            }
            long total = sortie.getByteCount();
            assertTrue(format + " : " + ecritsALaDerniereLigne[0] + " octets écrits à la lecture de la dernière ligne"
                    + " sur " + total, ecritsALaDerniereLigne[0] > total / 2);
        }
    }

    static byte[] csv(Tableau t) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Ecritures.csv(t, out);
        return out.toByteArray();
    }

    static byte[] png(Tableau t) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Ecritures.png(t, out);
        return out.toByteArray();
    }

    @Test
    public void unGrapheDeMilliersDeCommunesNeGardeQueLesPlusGrandes() throws Exception {
        List<List<Object>> lignes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            lignes.add(List.of(String.format("%05d", 44000 + i), (long) i));
        }
        Tableau t = new Tableau("flux-commune", "Stock par commune", List.of("Commune", "Stock"), lignes,
                new Tableau.Graphe("Commune", List.of("Stock"), lignes, false));
        List<List<Object>> dessinees = Ecritures.lignesDessinees(t.graphe());
        assertEquals(Ecritures.BARRES_MAX, dessinees.size());
        assertEquals(4_999L, dessinees.get(0).get(1));
        var image = ImageIO.read(new ByteArrayInputStream(png(t)));
        assertTrue("hauteur bornée : " + image.getHeight(), image.getHeight() < 2_000);
        assertTrue(Ecritures.svg(t).contains("les 40 plus grands sur 5000"));
    }

    @Test
    public void leCsvEcritLesDecimalesALaFrancaise() throws Exception {
        Tableau t = new Tableau("x", "X", List.of("Code", "Part"), List.of(List.of("044", 12.5)),
                new Tableau.Graphe("Code", List.of("Part"), List.of(List.of("044", 12.5)), false));
        String csv = new String(csv(t), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv, csv.contains("044;12,50\r\n"));
        assertTrue(csv.startsWith("\uFEFFCode;Part\r\n"));
    }

    @Test
    public void unTexteQuiCommenceCommeUneFormuleResteDuTexteEtLesNombresNegatifsRestentDesNombres() throws Exception {
        List<Object> ligne = List.of("=HYPERLINK(\"http://x\")", -3L, "@SUM(A1)", "+33", "Saint-Nazaire");
        Tableau t = new Tableau("x", "X", List.of("Guichet", "Écart", "A", "B", "C"), List.of(ligne),
                new Tableau.Graphe("Guichet", List.of("Écart"), List.of(List.of("g", 1L)), false));
        String csv = new String(csv(t), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv, csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\";-3;'@SUM(A1);'+33;Saint-Nazaire\r\n"));
    }

    /**
     * A chart as a person reads it: French labels for the breakdown's codes, French numbers on the axis, the palette's
     * contrasted colours, a marker on a one-month series.
     */
    @Test
    public void unGrapheSeLitEnFrancaisAvecDesCouleursContrasteesEtDesMarqueurs() {
        Tableau repartition = new Tableau("repartition-age", "Âge", java.util.List.of("Département", "MOINS_DE_25"),
                java.util.List.of(), new Tableau.Graphe("Âge", java.util.List.of("Part (%)"), java.util.List.of(
                        java.util.List.of("MOINS_DE_25", 12.5), java.util.List.of("T6_PLUS", 1250.0)), false));
        String svg = Ecritures.svg(repartition);
        org.junit.Assert.assertTrue(svg.contains("Moins de 25 ans"));
        org.junit.Assert.assertTrue(svg.contains("T6 ou plus"));
        org.junit.Assert.assertFalse("pas de code brut", svg.contains("MOINS_DE_25"));
        org.jfree.chart.JFreeChart g = Ecritures.graphe(repartition);
        org.jfree.chart.axis.NumberAxis axe = (org.jfree.chart.axis.NumberAxis) g.getCategoryPlot().getRangeAxis();
        org.junit.Assert.assertEquals("1\u202f250", axe.getNumberFormatOverride().format(1250).replace('\u00a0',
                '\u202f'));
        org.junit.Assert.assertEquals(Ecritures.PALETTE[0], g.getCategoryPlot().getRenderer().getSeriesPaint(0));
        Tableau unMois = new Tableau("series", "Séries", java.util.List.of("Mois", "Nouvelles"), java.util.List.of(),
                new Tableau.Graphe("Mois", java.util.List.of("Nouvelles"), java.util.List.of(java.util.List.of(
                        "2026-12", 6L)), true));
        org.jfree.chart.renderer.category.LineAndShapeRenderer r =
                (org.jfree.chart.renderer.category.LineAndShapeRenderer) Ecritures.graphe(unMois).getCategoryPlot()
                        .getRenderer();
        org.junit.Assert.assertTrue("un point visible pour un seul mois", r.getDefaultShapesVisible());
    }
}
