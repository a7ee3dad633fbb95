package org.registrehub.api;

/**
 * Active demands of the same applicant outside the caller's perimeter: only their number and territory are told,
 * never their numéros, guichets or dates (CCH R441-2-5: nominative data stay within the demand's territory).
 *
 * @param territoire the département of those demands
 * @param nombre     how many
 */
public record DoublonAilleurs(String territoire, int nombre) {
}
