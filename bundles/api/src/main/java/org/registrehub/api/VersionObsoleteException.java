package org.registrehub.api;

/** The demand was changed by someone else since the caller read it; nothing was written. */
public class VersionObsoleteException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "VERSION_OBSOLETE";

    private final long versionActuelle;

    public VersionObsoleteException(String numeroUnique, long versionAttendue, long versionActuelle) {
        super(CODE, "La demande " + numeroUnique + " a été modifiée entre-temps (version " + versionActuelle
                + ", vous aviez la version " + versionAttendue + ") : relisez-la puis recommencez ; rien n'a été"
                + " enregistré.");
        this.versionActuelle = versionActuelle;
    }

    public long getVersionActuelle() {
        return versionActuelle;
    }
}
