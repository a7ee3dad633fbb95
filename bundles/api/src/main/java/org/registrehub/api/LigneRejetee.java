package org.registrehub.api;

/**
 * A line of an extract that was not imported, and why.
 *
 * @param ligne        line (CSV) or element (XML) number in the extract
 * @param ancienNumero its departmental number if it could be read, or null
 * @param champ        the column or field at fault ({@code dossier.contact.codePostal}, {@code date_depot}...)
 * @param motif        the rule broken, in French
 */
public record LigneRejetee(long ligne, String ancienNumero, String champ, String motif) {
}
