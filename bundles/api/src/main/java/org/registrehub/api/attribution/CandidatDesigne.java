package org.registrehub.api.attribution;

/**
 * A demand designated for a dwelling.
 *
 * @param numeroUnique the demand
 * @param rang         its rank before the commission, 1 to 3
 */
public record CandidatDesigne(String numeroUnique, Integer rang) {
}
