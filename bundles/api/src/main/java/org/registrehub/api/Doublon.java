package org.registrehub.api;

import java.time.LocalDate;

/**
 * An active demand of the same applicant, found at registration.
 *
 * @param numeroUnique the existing demand
 * @param critere      {@code NIR} (same social security number) or {@code IDENTITE} (same normalised family name,
 *                     first first-name and birth date)
 * @param guichet      where it was registered
 * @param dateDepot    when it was filed
 */
public record Doublon(String numeroUnique, String critere, String guichet, LocalDate dateDepot) {

    public static final String NIR = "NIR";
    public static final String IDENTITE = "IDENTITE";
}
