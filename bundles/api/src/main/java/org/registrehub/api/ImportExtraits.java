package org.registrehub.api;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.registrehub.api.TravailImport;

/**
 * Imports of legacy departmental extracts (CSV or XML, UTF-8 or Latin-1; format in
 * {@code docs/departemental/format-extrait.md}), from the console or the watched drop directory.
 */
public interface ImportExtraits {

    /**
     * Imports an extract of the import folder ({@code import.repertoire}; a relative path is taken there), batch by
     * batch, reporting its progress; resumes an import of the same extract (same
     * SHA-256) that was stopped before its end. An extract imported completely before is not imported again unless
     * {@code forcer} (and then each line already imported is counted as such, nothing is created twice).
     *
     * @param encodage {@code UTF-8}, {@code ISO-8859-1}, or null to detect it (XML: its declaration)
     * @return the import, finished (TERMINE) or failed (ECHEC, with the reason)
     * @throws IllegalArgumentException when the file is outside the import folder (links followed)
     */
    TravailImport importer(Path fichier, String encodage, boolean forcer, Contexte contexte,
                           Consumer<String> progression);

    /**
     * Receives an extract sent through a web page: written into the import folder ({@code televerses/}, out of the
     * watched drop folder), readable by the hub's account only, and returns its path for {@link #importer}.
     *
     * @param nomFichier the name the sender gave it (only its letters, digits, dots and hyphens are kept)
     * @throws IllegalArgumentException when it is larger than the import's limit ({@code import.tailleMaxMo}),
     *                                  nothing kept
     */
    Path recevoir(String nomFichier, java.io.InputStream contenu, Contexte contexte);

    /** The latest imports, newest first. */
    List<TravailImport> travaux(int max);

    /**
     * The numéro unique a departmental number was imported under, or the departmental number of a numéro unique
     * (either way round): what the legacy systems ask to match their files with the register.
     */
    java.util.Optional<String[]> correspondance(String numero, Contexte contexte);

    /**
     * Writes the rejects report of an import (CSV: ligne;ancien_numero;champ;motif; readable by the hub's account
     * only) and returns its path: administrators for any import, others for the imports they started.
     */
    Path rapportRejets(long importId, Contexte contexte);

    /**
     * Resumes the imports a stop of the hub interrupted whose extract is still there, each under the identity that
     * started it as it is now (roles, territories); an import whose user is gone or disabled is not resumed.
     *
     * @param depot the drop folder's own identity, for the extracts dropped there
     */
    void reprendre(Contexte depot);
}
