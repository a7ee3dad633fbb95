package org.registrehub.api;

/** The operation is not allowed in the demand's current state (renew a radiated demand, radiate twice...). */
public class TransitionInterditeException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "TRANSITION_INTERDITE";

    public TransitionInterditeException(String message) {
        super(CODE, message);
    }
}
