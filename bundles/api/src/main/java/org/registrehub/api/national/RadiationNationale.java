package org.registrehub.api.national;

import java.time.Instant;
import java.time.LocalDate;

import org.registrehub.api.Attribution;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;

/**
 * A radiation made by another system, as the national register lists it.
 *
 * @param numeroUnique        the demand
 * @param motif               its reason
 * @param date                date of the radiation
 * @param origine             the system that radiated it
 * @param commentaire         optional comment
 * @param attribution         the lease, for {@link MotifRadiation#ATTRIBUTION}
 * @param motifIrrecevabilite the sub-reason, for {@link MotifRadiation#IRRECEVABILITE}
 * @param horodatage          when the national register recorded it (the pull's cursor)
 */
public record RadiationNationale(String numeroUnique, MotifRadiation motif, LocalDate date, String origine,
                                 String commentaire, Attribution attribution, MotifIrrecevabilite motifIrrecevabilite,
                                 Instant horodatage) {
}
