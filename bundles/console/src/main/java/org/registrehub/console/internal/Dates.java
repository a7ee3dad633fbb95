package org.registrehub.console.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The date options of the commands ({@code --depot-du 2026-01-31}). */
final class Dates {

    private Dates() {
    }

    /** The date of an option, or null when the option is absent; a clear error naming the option otherwise. */
    static LocalDate option(String option, String valeur) {
        if (valeur == null) {
            return null;
        }
        try {
            return LocalDate.parse(valeur);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " : date attendue au format AAAA-MM-JJ (reçu « " + valeur
                    + " »)");
        }
    }
}
