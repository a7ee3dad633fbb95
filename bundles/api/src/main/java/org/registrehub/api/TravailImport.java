package org.registrehub.api;

import java.time.Instant;

/**
 * An import of an extract (a departmental file), and where it stands: what {@link ImportExtraits} answers and the
 * import store keeps.
 *
 * @param lancePar the identifier of the user who started it (the drop folder's own for an extract dropped there)
 * @param canal    the channel it was started on ({@link org.registrehub.api.Canal} name)
 */
public record TravailImport(long id, String fichier, String empreinte, String format, String encodage, String etat,
                            long position, long importees, long dejaImportees, long rejetees, Instant debut,
                            Instant fin, String erreur, String lancePar, String canal) {

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
