package org.registrehub.api.attribution;

/**
 * One line of a candidate's explanation.
 *
 * @param critere      the criterion
 * @param verdict      how the candidate stands on it
 * @param eliminatoire the criterion excludes those who do not meet it on this territory
 * @param explication  the facts compared, in words ("3 personnes pour un T3 : de 2 à 5")
 */
public record Constat(CritereRapprochement critere, Verdict verdict, boolean eliminatoire, String explication) {
}
