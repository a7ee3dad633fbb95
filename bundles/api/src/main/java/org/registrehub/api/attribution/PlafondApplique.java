package org.registrehub.api.attribution;

import java.util.List;

/**
 * The income ceilings of a dwelling's financing, as applied to its candidates.
 *
 * @param annee       year of the ceilings (those in force on the day of the matching, or the latest configured)
 * @param zone        the zone of the dwelling's commune ({@code PARIS_LIMITROPHES}, {@code ILE_DE_FRANCE},
 *                    {@code AUTRES_REGIONS})
 * @param financement the dwelling's financing
 * @param categories  the ceilings for households of 1 to 6 persons, euros a year (revenu fiscal de référence N-2)
 * @param supplement  added for each person beyond six
 */
public record PlafondApplique(int annee, String zone, Financement financement, List<Long> categories,
                              long supplement) {
    public PlafondApplique {
        categories = List.copyOf(categories);
    }

    /** The ceiling for a household of that size. */
    public long pour(int personnes) {
        return personnes <= 6 ? categories.get(Math.max(personnes, 1) - 1)
                : categories.get(5) + (personnes - 6L) * supplement;
    }
}
