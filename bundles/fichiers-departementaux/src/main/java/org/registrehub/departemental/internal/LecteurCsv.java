package org.registrehub.departemental.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV extract: a header line naming the columns (any order, any case), {@code ;} or {@code ,} between the values
 * (the header says which), values quoted with {@code "} when needed. The line number of a record is its line in the
 * file (the header is line 1).
 */
final class LecteurCsv extends LecteurExtrait {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> colonnes;

    LecteurCsv(Reader source) throws IOException {
        java.io.BufferedReader tampon = new java.io.BufferedReader(source, 1 << 16);
        tampon.mark(1 << 16);
        String entete;
        try {
            entete = tampon.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ExtraitIllisible("octets invalides pour l'encodage choisi dans l'en-tête (essayez --encodage"
                    + " ISO-8859-1 ou UTF-8)", e);
        }
        tampon.reset();
        if (entete == null) {
            throw new ExtraitIllisible("extrait vide : la première ligne doit nommer les colonnes", null);
        }
        char separateur = entete.chars().filter(c -> c == ';').count() >= entete.chars().filter(c -> c == ',')
                .count() ? ';' : ',';
        parser = CSVFormat.DEFAULT.builder().setDelimiter(separateur).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get().parse(tampon);
        colonnes = new ArrayList<>();
        for (String c : parser.getHeaderNames()) {
            colonnes.add(c.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        }
        List<String> manquantes = ConversionLigne.OBLIGATOIRES.stream().filter(c -> !colonnes.contains(c)).toList();
        if (!manquantes.isEmpty()) {
            throw new ExtraitIllisible("colonne(s) obligatoire(s) absente(s) de l'en-tête : " + manquantes
                    + " (voir docs/departemental/format-extrait.md)", null);
        }
        records = parser.iterator();
    }

    List<String> colonnesInconnues() {
        return colonnes.stream().filter(c -> !ConversionLigne.connue(c)).toList();
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw illisible(e);
        }
    }

    private ExtraitIllisible illisible(RuntimeException e) {
        if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
            return new ExtraitIllisible("octets invalides pour l'encodage choisi après la ligne "
                    + parser.getCurrentLineNumber() + " (essayez --encodage ISO-8859-1 ou UTF-8)", e);
        }
        return new ExtraitIllisible("CSV illisible après la ligne " + parser.getCurrentLineNumber() + " : "
                + e.getMessage(), e);
    }

    @Override
    public LigneLue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord r;
        try {
            r = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw illisible(e);
        }
        long ligne = r.getRecordNumber() + 1;
        Map<String, String> valeurs = new HashMap<>();
        for (int i = 0; i < Math.min(r.size(), colonnes.size()); i++) {
            valeurs.put(colonnes.get(i), r.get(i));
        }
        if (r.size() != colonnes.size()) {
            String ancien = valeurs.get("ancien_numero");
            return new LigneLue(null, new org.registrehub.api.LigneRejetee(ligne, ancien == null || ancien.isBlank()
                    ? null : ancien.strip(), "ligne", r.size() + " valeur(s) pour " + colonnes.size()
                    + " colonnes (séparateur ou guillemets en trop ?)"));
        }
        return convertir(ligne, valeurs);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
