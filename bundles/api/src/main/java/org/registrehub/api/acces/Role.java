package org.registrehub.api.acces;

import java.util.Locale;
import java.util.Optional;

/** Roles of the register (CCH R441-2-5/-6: nominative data only for services enregistreurs and landlords). */
public enum Role {
    /** Service enregistreur: registers, modifies, renews, radiates and reactivates demands of its territories. */
    GUICHET,
    /** Landlord: reads the demands of its territories, declares attributions and CAL decisions. */
    BAILLEUR,
    /** Manager of a département: everything in its territories, access management, audit, campaigns, statistics. */
    GESTIONNAIRE,
    /** Statistics only: never any nominative data. */
    OBSERVATEUR,
    /** Hub administration: organisations, users, audit; no nominative data. */
    ADMIN;

    /** The name used in JAAS principals and in the database: {@code guichet}, {@code admin}... */
    public String nom() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String valeur) {
        if (valeur == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(valeur.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
