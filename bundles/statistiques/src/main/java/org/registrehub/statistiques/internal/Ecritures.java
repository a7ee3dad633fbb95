package org.registrehub.statistiques.internal;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** Writes tables as CSV (commons-csv), XLSX (fastexcel) and their charts as PNG or SVG (JFreeChart, JFreeSVG). */
final class Ecritures {

    static final int LARGEUR = 960;
    static final int HAUTEUR = 420;

    static {
        // charts are drawn off screen, on servers without a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Ecritures() {
    }

    /**
     * UTF-8 with a byte order mark, semicolons, decimal commas (what French office tools open as is), written to
     * {@code out} row by row through an 8 KiB buffer (left open).
     */
    static void csv(Tableau t, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 13);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .get());
        w.write('\uFEFF');
        p.printRecord(t.colonnes().stream().map(Ecritures::cellule).toList());
        for (List<Object> ligne : t.lignes()) {
            p.printRecord(ligne.stream().map(v -> v instanceof Number ? texte(v) : cellule(texte(v))).toList());
        }
        p.flush();
    }

    /**
     * A text cell a spreadsheet shows as text: one starting with {@code = + - @} (or a tab or carriage return) is
     * prefixed with an apostrophe (formula injection, OWASP). Numbers are written as numbers, never touched. The XLSX
     * files write text as text cells, which a spreadsheet never evaluates.
     */
    static String cellule(String valeur) {
        if (valeur == null || valeur.isEmpty()) {
            return valeur;
        }
        char c = valeur.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + valeur : valeur;
    }

    static String texte(Object valeur) {
        if (valeur instanceof Double d) {
            return String.format(Locale.FRANCE, "%.2f", d);
        }
        return String.valueOf(valeur);
    }

    /**
     * One sheet per table (its title, its headers in bold, numbers as numbers), written to {@code out} as it goes (left
     * open): fastexcel streams each sheet's rows into the zip and keeps only the shared strings.
     */
    static void xlsx(List<Tableau> tableaux, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Registre Hub", "1.0");
        for (Tableau t : tableaux) {
            Worksheet ws = wb.newWorksheet(feuille(t.nom()));
            ws.width(0, 24);
            ws.value(0, 0, t.titre());
            ws.style(0, 0).bold().set();
            for (int c = 0; c < t.colonnes().size(); c++) {
                ws.value(2, c, libelle(t.colonnes().get(c)));
                ws.style(2, c).bold().fillColor("DDE4EE").set();
            }
            int r = 3;
            for (List<Object> ligne : t.lignes()) {
                for (int c = 0; c < ligne.size(); c++) {
                    Object v = ligne.get(c);
                    if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else {
                        ws.value(r, c, String.valueOf(v));
                    }
                }
                r++;
                if ((r - 3) % LIGNES_PAR_ENVOI == 0) {
                    // the rows so far go to the stream: a sheet of every commune is never held as cells
                    ws.flush();
                }
            }
            ws.finish();
        }
        wb.finish();
    }

    /** XLSX rows handed to the stream at a time. */
    static final int LIGNES_PAR_ENVOI = 1_000;

    /** A sheet name: at most 31 characters, none of []:*?/\ */
    private static String feuille(String nom) {
        String n = nom.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return n.length() > 31 ? n.substring(0, 31) : n;
    }

    /** Bars for at most this many groups (the largest by the first series): a chart of every commune says nothing. */
    static final int BARRES_MAX = 40;

    /** The rows a chart draws: every one, or the {@link #BARRES_MAX} largest of a bar chart. */
    static List<List<Object>> lignesDessinees(Tableau.Graphe g) {
        if (g.courbe() || g.lignes().size() <= BARRES_MAX) {
            return g.lignes();
        }
        return g.lignes().stream().sorted((a, b) -> Double.compare(valeur(b.get(1)), valeur(a.get(1))))
                .limit(BARRES_MAX).toList();
    }

    /** A drawn value; a secret cell ({@link org.registrehub.api.statistiques.Secret}) is not drawn. */
    private static double valeur(Object cellule) {
        return cellule instanceof Number n ? n.doubleValue() : -1;
    }

    /**
     * The series' colours: the design system's high-contrast ones (blue France, red Marianne, green, brown, purple,
     * slate), each readable on white, never a pale yellow.
     */
    static final Color[] PALETTE = {new Color(0x00, 0x00, 0x91), new Color(0xCE, 0x05, 0x00),
        new Color(0x18, 0x75, 0x3C), new Color(0x69, 0x52, 0x40), new Color(0x6E, 0x44, 0x5A),
        new Color(0x35, 0x58, 0xA2)};

    /** A code as a person reads it: a breakdown's modality (T6_PLUS, MOINS_DE_25...) by its French label. */
    static String libelle(Object code) {
        String c = String.valueOf(code);
        return org.registrehub.api.Libelles.de("Modalite", c);
    }

    static JFreeChart graphe(Tableau t) {
        Tableau.Graphe g = t.graphe();
        List<List<Object>> lignes = lignesDessinees(g);
        DefaultCategoryDataset donnees = new DefaultCategoryDataset();
        for (List<Object> ligne : lignes) {
            for (int s = 0; s < g.series().size(); s++) {
                Object v = ligne.get(s + 1);
                donnees.addValue(v instanceof Number n ? n : null, g.series().get(s), libelle(ligne.get(0)));
            }
        }
        boolean horizontal = !g.courbe() && (lignes.size() > 12
                || lignes.stream().anyMatch(l -> String.valueOf(l.get(0)).length() > 14));
        PlotOrientation orientation = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        String titre = lignes.size() < g.lignes().size() ? t.titre() + " (les " + lignes.size() + " plus grands sur "
                + g.lignes().size() + ")" : t.titre();
        JFreeChart chart = g.courbe()
                ? ChartFactory.createLineChart(titre, g.axe(), null, donnees, orientation, true, false, false)
                : ChartFactory.createBarChart(titre, g.axe(), null, donnees, orientation, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF5, 0xF7, 0xFA));
        plot.setRangeGridlinePaint(new Color(0xB0, 0xB8, 0xC4));
        if (plot.getRenderer() instanceof BarRenderer barres) {
            barres.setBarPainter(new StandardBarPainter());
            barres.setShadowVisible(false);
            barres.setItemMargin(0.02);
        }
        for (int s = 0; s < g.series().size(); s++) {
            plot.getRenderer().setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        if (plot.getRenderer() instanceof org.jfree.chart.renderer.category.LineAndShapeRenderer courbes) {
            // a marker on every point: a series of a single month is a visible point, not an empty frame
            courbes.setDefaultShapesVisible(true);
            courbes.setDefaultStroke(new java.awt.BasicStroke(2.0f));
        }
        // French numbers on the value axis (1 250, 12,5), as in the tables beside
        if (plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis axe) {
            axe.setNumberFormatOverride(java.text.NumberFormat.getNumberInstance(Locale.FRANCE));
        }
        // long labels wrap on up to three lines instead of being cut
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(horizontal ? 0.4f : 1.0f);
        if (!horizontal && lignes.size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    static int hauteur(Tableau t) {
        return Math.max(HAUTEUR, 120 + 22 * lignesDessinees(t.graphe()).size()
                * (t.graphe().courbe() ? 0 : Math.min(2, t.graphe().series().size())));
    }

    /** The chart as a PNG image, written to {@code out} (left open). */
    static void png(Tableau t, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, graphe(t), LARGEUR, hauteur(t));
    }

    /** The chart as an SVG element (no XML declaration: it goes inline in the report too). */
    static String svg(Tableau t) {
        int h = hauteur(t);
        SVGGraphics2D g2 = new SVGGraphics2D(LARGEUR, h);
        graphe(t).draw(g2, new Rectangle(0, 0, LARGEUR, h));
        return g2.getSVGElement();
    }
}
