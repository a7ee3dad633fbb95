package org.registrehub.api.portail;

import org.registrehub.api.RegistreException;

/** A sign-in refused: wrong address or password, wrong or expired code, account not confirmed yet. */
public class ConnexionRefuseeException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "CONNEXION_REFUSEE";

    public ConnexionRefuseeException(String message) {
        super(CODE, message);
    }
}
