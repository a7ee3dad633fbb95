package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.registrehub.api.Contexte;

/**
 * The Infocentre's tables as files (CSV, XLSX, a chart in SVG or PNG) and as one HTML report page. Aggregated
 * figures only, like {@link StatistiquesService}.
 */
@ProviderType
public interface RapportStatistiques {

    /** The names of the tables that {@link #exporter} knows. */
    List<String> tableaux();

    /**
     * The table asked for, computed and checked, to be written where the caller streams it (a REST response, a file).
     *
     * @throws org.registrehub.api.DemandeInvalideException for an unknown table (field {@code tableau}) or bad
     *                                                      parameters
     */
    Export preparer(TableauDemande demande, FormatExport format, Contexte contexte);

    /**
     * The same file in one array, for the small ones (a chart, a test): {@link #preparer} then
     * {@link Export#ecrire}.
     */
    default byte[] exporter(TableauDemande demande, FormatExport format, Contexte contexte) {
        Export export = preparer(demande, format, contexte);
        java.io.ByteArrayOutputStream contenu = new java.io.ByteArrayOutputStream();
        try {
            export.ecrire(contenu);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return contenu.toByteArray();
    }

    /**
     * The report of a period: stock and flows by {@code granularite}, every breakdown, délais, satisfaction,
     * monthly series and data quality, each table with its chart (inline SVG) and links to its files under
     * {@code lienExports} (e.g. {@code /api/v1/statistiques/export}; null: no links, for a page saved alone).
     */
    String rapportHtml(LocalDate debut, LocalDate fin, Granularite granularite, String lienExports,
                       Contexte contexte);

    /**
     * Writes an export into the exports folder ({@code export.repertoire} of {@code org.registrehub.statistiques}),
     * readable by the hub's system account only, replacing a file of that name at once (never half-written).
     *
     * @param nomFichier a file name alone (letters, digits, {@code . _ -}): no folder, nothing outside
     * @return where it was written
     * @throws org.registrehub.api.DemandeInvalideException for a name with a folder or other characters
     */
    java.nio.file.Path deposer(String nomFichier, byte[] contenu, Contexte contexte);

    /** The same, the export streamed into the file as it is encoded (never whole in memory). */
    java.nio.file.Path deposer(String nomFichier, Export export, Contexte contexte);
}
