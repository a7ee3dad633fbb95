package org.registrehub.api;

/** The caller is authenticated but its role or territories do not allow the operation (REST 403, SOAP fault). */
public class AccesRefuseException extends RegistreException {

    private static final long serialVersionUID = 1L;
    public static final String CODE = "ACCES_REFUSE";

    public AccesRefuseException(String message) {
        super(CODE, message);
    }
}
