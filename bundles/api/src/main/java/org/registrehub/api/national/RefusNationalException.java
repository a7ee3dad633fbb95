package org.registrehub.api.national;

import org.registrehub.api.RegistreException;

/**
 * The national register refused the request itself (unknown demand, change older than the one it knows, invalid
 * data): sending it again would be refused again. The code is the national one (DEMANDE_INCONNUE, ORDRE...).
 */
public class RefusNationalException extends RegistreException {

    public RefusNationalException(String code, String message) {
        super(code, message);
    }
}
