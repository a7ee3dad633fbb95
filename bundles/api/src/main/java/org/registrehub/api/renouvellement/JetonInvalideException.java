package org.registrehub.api.renouvellement;

import org.registrehub.api.RegistreException;

/** A renewal link that is unknown, already used or expired. */
public class JetonInvalideException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "LIEN_INVALIDE";

    public JetonInvalideException(String message) {
        super(CODE, message);
    }
}
