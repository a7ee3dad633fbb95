package org.registrehub.api;

/**
 * One candidate of a proposition.
 *
 * @param numeroUnique the demand proposed
 * @param rang         its rank before the commission, 1 to 3
 */
public record Candidat(String numeroUnique, Integer rang) {
}
