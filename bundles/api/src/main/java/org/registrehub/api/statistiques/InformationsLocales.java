package org.registrehub.api.statistiques;

import java.io.Reader;
import java.util.List;

import org.registrehub.api.Contexte;

/**
 * The local information the register publishes per commune, for everyone (the applicant's portal, an open-data
 * file): aggregated, small counts masked, never a nominative datum. The social dwellings come from an RPLS-style file
 * imported by a gestionnaire.
 *
 * @since 1.5.0
 */
public interface InformationsLocales {

    /** The information of one commune (a commune the register does not know has zeros and no dwellings count). */
    InformationCommune commune(String commune);

    /** Every commune the register knows (wished by a demand, or in the dwellings' file), ordered by INSEE code. */
    List<InformationCommune> communes();

    /**
     * Imports the number of social dwellings per commune and year from a CSV file (UTF-8, separator {@code ;}, header
     * {@code code_commune;libelle_commune;annee;nb_logements_sociaux}): all lines or none; a line replaces the count
     * of its commune and year.
     *
     * @return the number of communes written
     * @throws org.registrehub.api.DemandeInvalideException naming each wrong line and column
     * @throws org.registrehub.api.AccesRefuseException     unless a gestionnaire or an administrator
     */
    int importerLogementsSociaux(Reader csv, String source, Contexte contexte);
}
