package org.registrehub.api;

import java.util.Arrays;
import java.util.Optional;

/** Dwelling types an applicant may wish for (CERFA 14069, section "logement recherché"). */
public enum Typologie {
    CHAMBRE, T1, T2, T3, T4, T5, T6_PLUS;

    /** Parses a code as written by users and legacy systems ({@code T6+} is accepted for {@link #T6_PLUS}). */
    public static Optional<Typologie> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toUpperCase().replace("+", "_PLUS");
        return Arrays.stream(values()).filter(t -> t.name().equals(normalized)).findFirst();
    }
}
