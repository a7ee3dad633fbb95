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
}
