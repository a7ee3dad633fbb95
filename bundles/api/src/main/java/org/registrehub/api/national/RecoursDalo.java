package org.registrehub.api.national;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A DALO recourse declared on a demand.
 *
 * @param numeroUnique the demand
 * @param dateRecours  date of the recourse
 * @param decision     PRIORITAIRE_URGENT, REJET, or null while pending
 * @param origine      who declared it
 * @param horodatage   when the national register recorded it (the pull's cursor)
 */
public record RecoursDalo(String numeroUnique, LocalDate dateRecours, String decision, String origine,
                          Instant horodatage) {
}
