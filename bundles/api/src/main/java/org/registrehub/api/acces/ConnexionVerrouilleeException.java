package org.registrehub.api.acces;

import java.time.Instant;

import org.registrehub.api.RegistreException;

/**
 * Too many failed logins for this login (or from this address): every attempt is refused, without checking the
 * password, until {@link #getJusqua()}; an administrator or a gestionnaire may lift it sooner
 * ({@code registre:utilisateur-deverrouiller}).
 */
public class ConnexionVerrouilleeException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "CONNEXION_VERROUILLEE";

    private final Instant jusqua;

    public ConnexionVerrouilleeException(String quoi, Instant jusqua) {
        super(CODE, "Connexion verrouillée pour " + quoi + " après trop d'échecs : réessayez après " + jusqua
                + " (ou demandez le déverrouillage à un gestionnaire).");
        this.jusqua = jusqua;
    }

    public Instant getJusqua() {
        return jusqua;
    }
}
