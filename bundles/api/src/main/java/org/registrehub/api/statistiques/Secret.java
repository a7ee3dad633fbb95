package org.registrehub.api.statistiques;

import java.util.Set;

/**
 * The secret statistique of a table: which cells are masked because they count fewer demands than the threshold (and
 * those masked with them so that no sum or identity of the table gives them back). A masked cell's value is 0 in the
 * table's records and is shown as {@link #LIBELLE}, never as a number. Tables read by the gestionnaires, observateurs
 * and administrators carry {@link #AUCUN}; tables read by a guichet or a bailleur, or exported for diffusion, carry
 * the cells masked.
 *
 * @param seuil    counts from 1 to {@code seuil - 1} are masked (0: nothing is)
 * @param cellules the masked cells, each {@code code/champ} ({@link #cle}): the line's code ({@code TOTAL} for the
 *                 total line) and the record component or modality
 */
public record Secret(int seuil, Set<String> cellules) {

    /** What a masked cell shows. */
    public static final String LIBELLE = "secret";
    /** No cell masked: a table read inside the circle. */
    public static final Secret AUCUN = new Secret(0, Set.of());

    public Secret {
        cellules = cellules == null ? Set.of() : Set.copyOf(cellules);
    }

    /** The secret applies to this table (its cells under {@code seuil} are masked). */
    public boolean actif() {
        return seuil > 0;
    }

    /** Whether that cell is masked. */
    public boolean masque(String code, String champ) {
        return cellules.contains(cle(code, champ));
    }

    /** A cell as shown in a file, a page or the console: {@link #LIBELLE} where it is masked, its value elsewhere. */
    public Object affiche(String code, String champ, Object valeur) {
        return masque(code, champ) ? LIBELLE : valeur;
    }

    public static String cle(String code, String champ) {
        return code + "/" + champ;
    }
}
