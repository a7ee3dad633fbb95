package org.registrehub.api.attribution;

import org.registrehub.api.DecisionCal;
import org.registrehub.api.MotifIrrecevabilite;

/**
 * The commission's decision on one candidate of a dwelling.
 *
 * @param numeroUnique        the candidate's demand
 * @param decision            the decision
 * @param rang                for {@link DecisionCal#ATTRIBUTION_PAR_CLASSEMENT}: its place in the ranking, 2 or 3
 * @param motif               required for {@link DecisionCal#NON_ATTRIBUTION} (a non-attribution is reasoned),
 *                            optional otherwise
 * @param motifIrrecevabilite required for {@link DecisionCal#IRRECEVABILITE}
 * @param condition           required for {@link DecisionCal#ATTRIBUTION_SOUS_CONDITION}
 */
public record DecisionCandidat(String numeroUnique, DecisionCal decision, Integer rang, String motif,
                               MotifIrrecevabilite motifIrrecevabilite, String condition) {
}
