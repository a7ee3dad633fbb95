package org.registrehub.api;

/** Base of every error the register reports to its callers. Carries a stable code for machines. */
public class RegistreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public RegistreException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RegistreException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable machine-readable code, e.g. {@code DEMANDE_INVALIDE}. */
    public String getCode() {
        return code;
    }
}
