package org.registrehub.console.commun;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The dates of the commands: their options ({@code --depot-du 2026-01-31}) and the times they print. */
public final class Dates {

    private static final java.time.format.DateTimeFormatter HEURE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    private Dates() {
    }

    /** The date of an option, or null when the option is absent; a clear error naming the option otherwise. */
    public static LocalDate option(String option, String valeur) {
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

    /** A time as the tables print it ({@code 2026-12-01 12:08:47}, the server's zone), {@code -} for none. */
    public static String heure(java.time.Instant i) {
        return i == null ? "-" : HEURE.format(i);
    }
}
