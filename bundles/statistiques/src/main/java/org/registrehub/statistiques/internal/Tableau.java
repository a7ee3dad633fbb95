package org.registrehub.statistiques.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A statistics table ready to be written: a file name, a title, column headers, rows of texts and numbers (the first
 * column names the row, a total row last), and its chart.
 */
record Tableau(String nom, String titre, List<String> colonnes, List<List<Object>> lignes, Graphe graphe) {

    Tableau {
        colonnes = List.copyOf(colonnes);
        lignes = List.copyOf(lignes);
    }

    /**
     * What the chart draws: one category per row (its first cell), one series per other column.
     *
     * @param courbe a line chart (time series) rather than bars
     */
    record Graphe(String axe, List<String> series, List<List<Object>> lignes, boolean courbe) {

        Graphe {
            series = List.copyOf(series);
            lignes = List.copyOf(lignes);
        }

        /** Some columns of a table's rows (the first one always), as a chart. */
        static Graphe colonnes(List<String> entetes, List<List<Object>> lignes, boolean courbe, int... indices) {
            List<String> series = new ArrayList<>();
            for (int i : indices) {
                series.add(entetes.get(i));
            }
            List<List<Object>> choisies = new ArrayList<>();
            for (List<Object> l : lignes) {
                List<Object> c = new ArrayList<>();
                c.add(l.get(0));
                for (int i : indices) {
                    c.add(l.get(i));
                }
                choisies.add(c);
            }
            return new Graphe(entetes.get(0), series, choisies, courbe);
        }
    }
}
