package org.registrehub.api;

/**
 * The co-applicant (spouse, partner, co-holder of the future lease).
 *
 * @param personne the co-applicant
 * @param lien     what ties them to the applicant
 */
public record CoDemandeur(Personne personne, LienCoDemandeur lien) {
}
