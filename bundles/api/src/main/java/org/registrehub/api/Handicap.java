package org.registrehub.api;

/**
 * Handicap and mobility needs of the household.
 *
 * @param personneHandicapee a person of the household has a recognised handicap
 * @param mobiliteReduite    a person of the household has reduced mobility
 * @param fauteuilRoulant    a wheelchair-accessible dwelling is needed
 * @param besoins            description of specific needs, optional
 */
public record Handicap(boolean personneHandicapee, boolean mobiliteReduite, boolean fauteuilRoulant, String besoins) {
}
