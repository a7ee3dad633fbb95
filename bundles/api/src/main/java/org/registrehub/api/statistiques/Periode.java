package org.registrehub.api.statistiques;

import java.time.LocalDate;

/**
 * A period of the Infocentre, both days included (Paris days).
 *
 * @param debut the first day
 * @param fin   the last day
 */
public record Periode(LocalDate debut, LocalDate fin) {

    /**
     * The period every channel takes when none is given: the twelve months up to and including {@code aujourdhui},
     * so that a fresh install shows today's figures ({@code 2026-12-06} gives {@code 2025-12-07 … 2026-12-06}).
     */
    public static Periode parDefaut(LocalDate aujourdhui) {
        return new Periode(aujourdhui.minusYears(1).plusDays(1), aujourdhui);
    }

    /** The days given, the default for the missing ones (a given end alone: the twelve months up to it). */
    public static Periode completer(LocalDate debut, LocalDate fin, LocalDate aujourdhui) {
        LocalDate f = fin != null ? fin : aujourdhui;
        return new Periode(debut != null ? debut : parDefaut(f).debut(), f);
    }
}
