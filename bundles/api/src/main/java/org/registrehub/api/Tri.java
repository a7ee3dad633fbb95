package org.registrehub.api;

/**
 * Order of search results; ties are broken by numéro unique.
 *
 * @param champ     field to sort on
 * @param croissant ascending when true
 */
public record Tri(Champ champ, boolean croissant) {

    /** The fields a search can be sorted on. */
    public enum Champ { DATE_DEPOT, DATE_VALIDITE, NOM, NUMERO_UNIQUE }

    /** Newest demands first. */
    public static final Tri PAR_DEFAUT = new Tri(Champ.DATE_DEPOT, false);
}
