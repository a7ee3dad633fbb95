package org.registrehub.api;

import java.time.LocalDate;

/**
 * Allocates numéros uniques. A number is allocated exactly once, even under concurrency and across several hub nodes,
 * and is never reused.
 */
public interface NumerotationService {

    /**
     * Allocates the next numéro unique for a demand filed on {@code dateDepot} at {@code guichet} for a commune.
     *
     * @param commune   INSEE code of the first wished commune; its département gives the territory code
     * @param guichet   code of the registering guichet
     * @param dateDepot filing date (its month and year are part of the number)
     * @return the 18-character numéro unique {@code DDDMMYYNNNNNNGGGGG}
     */
    String attribuer(String commune, String guichet, LocalDate dateDepot);

    /**
     * Like {@link #attribuer(String, String, LocalDate)}, for an applicant: a numbering that asks another register
     * (the national one) tells it whose demand it is.
     */
    default String attribuer(String commune, String guichet, LocalDate dateDepot, Personne demandeur) {
        return attribuer(commune, guichet, dateDepot);
    }

    /**
     * Numbers for demands filed in one month on one territory, one per guichet of {@code guichets} (in that order),
     * from the hub's own counters whatever the numbering mode (bulk imports of departmental extracts).
     *
     * @param territoire territory code (3 characters)
     * @param dateDepot  a filing date of that month
     */
    default java.util.List<String> attribuerLocalement(String territoire, LocalDate dateDepot,
                                                       java.util.List<String> guichets) {
        throw new UnsupportedOperationException("numérotation sans lot");
    }

    /**
     * Territory code (département, 3 characters) of an INSEE commune code: {@code 44109 -> 044},
     * {@code 2A004 -> 02A}, overseas {@code 97411 -> 974}; the first three characters of the numéro unique.
     *
     * @throws IllegalArgumentException if the code is not an INSEE commune code
     */
    static String territoire(String commune) {
        if (commune == null || !commune.matches("^([0-9]{5}|2[AB][0-9]{3})$")) {
            throw new IllegalArgumentException("code commune INSEE invalide : " + commune);
        }
        if (commune.startsWith("97") || commune.startsWith("98")) {
            return commune.substring(0, 3);
        }
        return "0" + commune.substring(0, 2);
    }
}
