package org.registrehub.api;

/**
 * The capability that would serve this request is not installed on this hub (or its bundle is restarting): the
 * message, meant for the caller, names the Karaf feature to install. Nothing was done. Its code stays
 * {@link RegistreIndisponibleException#CODE}, so that a client that retries on an unavailable register keeps working.
 *
 * @since 1.8.0
 */
public class FonctionnaliteAbsenteException extends RegistreIndisponibleException {

    private static final long serialVersionUID = 1L;

    private final String fonctionnalite;

    /**
     * @param quoi           what is not available, as the caller would name it ("L'attestation", "L'Infocentre")
     * @param fonctionnalite the Karaf feature that provides it ({@code registre-attestation})
     */
    public FonctionnaliteAbsenteException(String quoi, String fonctionnalite) {
        super(quoi + " n'est pas disponible sur ce hub : la fonctionnalité " + fonctionnalite
                + " n'est pas installée ou redémarre (feature:install " + fonctionnalite + "). Rien n'a été modifié.",
                null);
        this.fonctionnalite = fonctionnalite;
    }

    public String getFonctionnalite() {
        return fonctionnalite;
    }
}
