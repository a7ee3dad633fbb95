package org.registrehub.campagne.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the applicant reads dates, in the emails, the letters and the renewal page's messages. */
final class Formats {

    /** {@code 15 décembre 2026}. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    /** {@code 31 décembre 2026 à 15h35}. */
    static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private Formats() {
    }
}
