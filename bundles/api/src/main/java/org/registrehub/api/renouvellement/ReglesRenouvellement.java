package org.registrehub.api.renouvellement;

/**
 * The renewal rules of a territory.
 *
 * @param territoire       the département (3 characters), or {@code *} for the default rules
 * @param preavisMois      how many months before the end of validity the notice is due (at least 1: CCH, a
 *                         notice at least one month before expiry)
 * @param graceMois        how many months after the filing or the last renewal a demand radiated for non-renewal
 *                         can still be reactivated (national practice: 18)
 * @param nonReponseMois   how many months without an answer to a traceable letter allow the radiation for
 *                         NON_REPONSE (1)
 */
public record ReglesRenouvellement(String territoire, int preavisMois, int graceMois, int nonReponseMois) {
}
