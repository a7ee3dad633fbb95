package org.registrehub.api;

import java.time.Instant;
import java.util.List;

/**
 * One change of a demand, as the history keeps it.
 *
 * @param version     version of the demand after the change (0 for the registration)
 * @param horodatage  when the change was committed
 * @param operation   what was done
 * @param acteur      who did it
 * @param canal       through which channel
 * @param changements the fields that changed, with their values before and after
 * @param commentaire justification or comment given with the operation, if any
 */
public record EntreeHistorique(long version, Instant horodatage, Operation operation, String acteur, Canal canal,
                               List<Changement> changements, String commentaire) {
}
