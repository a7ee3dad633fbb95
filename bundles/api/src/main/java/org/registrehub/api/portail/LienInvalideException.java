package org.registrehub.api.portail;

import org.registrehub.api.RegistreException;

/** A confirmation link or a one-time code that is unknown, already used or expired. */
public class LienInvalideException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "LIEN_INVALIDE";

    public LienInvalideException(String message) {
        super(CODE, message);
    }
}
