package org.registrehub.api.renouvellement;

import java.time.LocalDate;

/**
 * The dates of a demand's renewal cycle.
 *
 * @param avis               from this day the renewal notice is due
 * @param finValidite        last day of validity (the demand's {@code dateValidite})
 * @param radiation          the day it is radiated for NON_RENOUVELLEMENT if not renewed (the day after its end of
 *                           validity)
 * @param limiteReactivation last day a radiation for non-renewal can be undone by a reactivation
 */
public record Echeances(LocalDate avis, LocalDate finValidite, LocalDate radiation, LocalDate limiteReactivation) {
}
