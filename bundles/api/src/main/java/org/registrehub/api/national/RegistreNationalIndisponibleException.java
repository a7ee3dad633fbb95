package org.registrehub.api.national;

import org.registrehub.api.RegistreException;

/** The national register cannot be reached or failed: the same request can be tried again later. */
public class RegistreNationalIndisponibleException extends RegistreException {

    public static final String CODE = "NATIONAL_INDISPONIBLE";

    public RegistreNationalIndisponibleException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
