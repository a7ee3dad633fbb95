package org.registrehub.api;

import java.time.Instant;

/**
 * An import of an extract (a departmental file), and where it stands: what {@link ImportExtraits} answers and the
 * import store keeps.
 *
 * @param lancePar the identifier of the user who started it (the drop folder's own for an extract dropped there)
 * @param canal    the channel it was started on ({@link org.registrehub.api.Canal} name)
 * @param total    the extract's records as counted when the import opened (its lines but the header, or its
 *                 {@code <demande>} elements), for a progress bar: {@code position} of {@code total}; null when unknown
 */
public record TravailImport(long id, String fichier, String empreinte, String format, String encodage, String etat,
                            long position, long importees, long dejaImportees, long rejetees, Instant debut,
                            Instant fin, String erreur, String lancePar, String canal, Long total) {

    public TravailImport(long id, String fichier, String empreinte, String format, String encodage, String etat,
                         long position, long importees, long dejaImportees, long rejetees, Instant debut,
                         Instant fin, String erreur, String lancePar, String canal) {
        this(id, fichier, empreinte, format, encodage, etat, position, importees, dejaImportees, rejetees, debut,
                fin, erreur, lancePar, canal, null);
    }

    /** Where it stands, in percent: 100 once finished, at most 99 before (the count is an estimate). */
    public int pourcentage() {
        if (TERMINE.equals(etat)) {
            return 100;
        }
        if (total == null || total <= 0) {
            return 0;
        }
        return (int) Math.min(99, position * 100 / total);
    }

    public TravailImport(long id, String fichier, String empreinte, String format, String encodage, String etat,
                         long position, long importees, long dejaImportees, long rejetees, Instant debut,
                         Instant fin, String erreur) {
        this(id, fichier, empreinte, format, encodage, etat, position, importees, dejaImportees, rejetees, debut,
                fin, erreur, null, null);
    }

    public static final String EN_COURS = "EN_COURS";
    public static final String TERMINE = "TERMINE";
    public static final String ECHEC = "ECHEC";
}
