package org.registrehub.api;

/**
 * The register cannot serve the request right now (database unreachable or not yet migrated).
 * Nothing was written; the caller may retry later.
 */
public class RegistreIndisponibleException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "REGISTRE_INDISPONIBLE";

    public RegistreIndisponibleException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
