package org.registrehub.web.backoffice.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/** What the pages' forms read the same way: a date as the browser's date field sends it, or as a person types it. */
final class Saisies {

    private static final DateTimeFormatter FRANCAISE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Saisies() {
    }

    /**
     * A date (AAAA-MM-JJ, or JJ/MM/AAAA), null when the field is empty; a malformed one is a field error (and null).
     */
    static LocalDate date(String champ, String texte, Map<String, String> erreurs) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        String t = texte.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, FRANCAISE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            erreurs.put(champ, "date attendue au format JJ/MM/AAAA");
            return null;
        }
    }
}
