package org.registrehub.api;

import java.time.LocalDate;

/**
 * The decision of a commission d'attribution on one candidate.
 *
 * @param numeroUnique        the demand decided on
 * @param identifiantRpls     the dwelling examined
 * @param dateCommission      the day of the commission (not in the future)
 * @param decision            the decision
 * @param motifIrrecevabilite required for {@link DecisionCal#IRRECEVABILITE}, refused otherwise
 * @param condition           required for {@link DecisionCal#ATTRIBUTION_SOUS_CONDITION}, refused otherwise
 * @param rang                rank of the candidate for an attribution (1 to 3), optional
 * @param commentaire         free comment, optional
 */
public record DecisionCommission(String numeroUnique, String identifiantRpls, LocalDate dateCommission,
                                 DecisionCal decision, MotifIrrecevabilite motifIrrecevabilite, String condition,
                                 Integer rang, String commentaire) {
}
