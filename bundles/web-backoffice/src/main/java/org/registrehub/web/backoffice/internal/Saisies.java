package org.registrehub.web.backoffice.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Libelles;
import org.registrehub.web.commun.FormulaireDemande;

/**
 * What the pages' forms read the same way: a date as the browser's date field sends it or as a person types it, an
 * amount with a decimal comma, a code of a list, a text; and the lists' choices with their French labels.
 */
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

    /** An amount (1 234,56 or 1234.56), null when empty; a malformed one is a field error (and null). */
    static BigDecimal decimal(String champ, String texte, Map<String, String> erreurs) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        String t = texte.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(',', '.');
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            erreurs.put(champ, "nombre attendu, par exemple 412,50");
            return null;
        }
    }

    /** A whole number, null when empty; a malformed one is a field error (and null). */
    static Integer nombre(String champ, String texte, Map<String, String> erreurs) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(texte.strip());
        } catch (NumberFormatException e) {
            erreurs.put(champ, "nombre entier attendu");
            return null;
        }
    }

    /** A code of a list, null when empty; one the list does not have is a field error (and null). */
    static <E extends Enum<E>> E code(Class<E> type, String valeur, String champ, Map<String, String> e) {
        if (valeur == null || valeur.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, valeur.strip());
        } catch (IllegalArgumentException x) {
            e.put(champ, "valeur inconnue : choisissez dans la liste");
            return null;
        }
    }

    /** The choices of a list: each code with its French label. */
    static List<Map<String, String>> choix(Enum<?>[] codes) {
        List<Map<String, String>> l = new ArrayList<>();
        for (Enum<?> c : codes) {
            l.add(Map.of("code", c.name(), "libelle", Libelles.de(c)));
        }
        return l;
    }

    /** The choices of a list labelled by the codes' own words (an enum that carries its label). */
    static <E extends Enum<E>> List<Map<String, String>> choixLibelles(E[] codes,
                                                                       java.util.function.Function<E, String> libelle) {
        List<Map<String, String>> l = new ArrayList<>();
        for (E c : codes) {
            l.add(Map.of("code", c.name(), "libelle", libelle.apply(c)));
        }
        return l;
    }

    /** A text typed, stripped; null when empty. */
    static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A number sent by the page itself (a version, an id), -1 when absent or malformed. */
    static long entier(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The service's field errors, each {@code liste[k].x} renamed after the form's row of the k-th line sent (the form
     * sends only the rows filled in) so that it lands beside that row.
     */
    static Map<String, String> parLigne(List<ErreurChamp> l, String liste, List<Integer> lignes) {
        Pattern ligne = Pattern.compile("^" + Pattern.quote(liste) + "\\[(\\d+)]\\.(.+)$");
        List<ErreurChamp> r = new ArrayList<>();
        for (ErreurChamp e : l) {
            Matcher x = ligne.matcher(e.champ());
            int k = x.matches() ? Integer.parseInt(x.group(1)) : -1;
            r.add(k >= 0 && k < lignes.size() ? new ErreurChamp(liste + "[" + lignes.get(k) + "]." + x.group(2),
                    e.regle(), e.valeurRejetee(), e.message()) : e);
        }
        return FormulaireDemande.erreurs(r);
    }

    /**
     * The rows of a list a form sent ({@code liste[i].numeroUnique} filled in), by row number; at most 1,000 rows read.
     */
    static List<Integer> lignes(Map<String, List<String>> form, String liste) {
        Pattern ligne = Pattern.compile("^" + Pattern.quote(liste) + "\\[(\\d{1,4})]\\.numeroUnique$");
        return form.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().stream()
                        .anyMatch(v -> v != null && !v.isBlank())).map(e -> ligne.matcher(e.getKey()))
                .filter(Matcher::matches).map(x -> Integer.parseInt(x.group(1))).sorted().limit(1000).toList();
    }
}
