package org.registrehub.api.national;

import java.time.Instant;

/**
 * Two demands the national register considers the same household's.
 *
 * @param numeroUnique  the demand of the territory
 * @param numeroDoublon the other demand (any territory)
 * @param critere       how it was found (e.g. IDENTITE, NIR)
 * @param horodatage    when it was found (the pull's cursor)
 */
public record DoublonNational(String numeroUnique, String numeroDoublon, String critere, Instant horodatage) {
}
