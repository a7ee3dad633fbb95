package org.registrehub.api;

import java.time.LocalDate;

/**
 * How and when a demand left the register.
 *
 * @param motif            reason of the radiation
 * @param date             date of the radiation
 * @param attribution      the lease, for {@link MotifRadiation#ATTRIBUTION} only
 * @param motifIrrecevabilite sub-reason, for {@link MotifRadiation#IRRECEVABILITE} only
 * @param commentaire      free comment, optional
 */
public record Radiation(MotifRadiation motif, LocalDate date, Attribution attribution,
                        MotifIrrecevabilite motifIrrecevabilite, String commentaire) {
}
