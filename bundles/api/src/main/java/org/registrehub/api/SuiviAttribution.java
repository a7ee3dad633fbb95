package org.registrehub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of a demand's follow-up by the landlords: a proposition or a CAL decision, as recorded.
 *
 * @param numeroUnique        the demand
 * @param nature              proposition or CAL decision
 * @param bailleur            code of the landlord organisation that reported it
 * @param identifiantRpls     the dwelling
 * @param rang                rank of the candidate (1 to 3), if known
 * @param date                date of the proposition or of the commission
 * @param decision            the decision, for a CAL decision
 * @param motifIrrecevabilite sub-reason of an irrecevabilité
 * @param condition           condition of an attribution sous condition
 * @param commentaire         free comment
 * @param acteur              who recorded it
 * @param canal               through which channel
 * @param horodatage          when it was recorded
 */
public record SuiviAttribution(String numeroUnique, NatureSuivi nature, String bailleur, String identifiantRpls,
                               Integer rang, LocalDate date, DecisionCal decision,
                               MotifIrrecevabilite motifIrrecevabilite, String condition, String commentaire,
                               String acteur, Canal canal, Instant horodatage) {
}
