package org.registrehub.departemental.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files the hub writes for people (rejects reports, extracts): created readable by the hub's system account only, and
 * with no cell a spreadsheet would take for a formula.
 */
final class Fichiers {

    private Fichiers() {
    }

    /** Creates an empty file, owner read/write only (where the file system has POSIX permissions). */
    static void creerPrive(Path fichier) throws IOException {
        try {
            Files.createFile(fichier, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(fichier);
        }
    }

    /**
     * A cell a spreadsheet shows as text: a value starting with {@code = + - @} (or a tab or carriage return, which some
     * spreadsheets skip) is prefixed with an apostrophe, as OWASP recommends against formula injection.
     */
    static String cellule(String valeur) {
        if (valeur == null || valeur.isEmpty()) {
            return valeur;
        }
        char c = valeur.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + valeur : valeur;
    }

    /**
     * The records of an extract, counted fast for a progress bar (an estimate: a CSV value spanning lines counts
     * twice): CSV, its lines but the header; XML, its {@code <demande>} elements.
     */
    static long enregistrements(Path fichier, String format) {
        byte[] motif = "<demande".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long n = 0;
        int dernier = -1;
        int dansMotif = 0;
        boolean apresMotif = false;
        try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(fichier),
                1 << 16)) {
            int b;
            while ((b = in.read()) != -1) {
                if ("CSV".equals(format)) {
                    if (b == '\n') {
                        n++;
                    }
                } else if (apresMotif) {
                    // <demande> or <demande ...>, not <demandes> nor <demandeur>
                    if (b == '>' || b == ' ' || b == '/' || b == '\t' || b == '\r' || b == '\n') {
                        n++;
                    }
                    apresMotif = false;
                    dansMotif = b == motif[0] ? 1 : 0;
                } else if (b == motif[dansMotif]) {
                    dansMotif++;
                    if (dansMotif == motif.length) {
                        apresMotif = true;
                        dansMotif = 0;
                    }
                } else {
                    dansMotif = b == motif[0] ? 1 : 0;
                }
                dernier = b;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if ("CSV".equals(format)) {
            // the header is not a record; a last line without its line feed is
            return Math.max(0, n - 1 + (dernier != -1 && dernier != '\n' ? 1 : 0));
        }
        return n;
    }
}
