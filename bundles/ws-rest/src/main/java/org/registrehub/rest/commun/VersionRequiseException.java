package org.registrehub.rest.commun;

import org.registrehub.api.RegistreException;

/** A change was sent without the version the caller read ({@code If-Match}): refused with 428. */
public class VersionRequiseException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "VERSION_REQUISE";

    public VersionRequiseException() {
        super(CODE, "Indiquez la version de la demande que vous modifiez dans l'en-tête If-Match (valeur de l'ETag"
                + " reçu en la lisant, par exemple If-Match: \"3\") : sans elle, une modification faite entre-temps"
                + " serait écrasée.");
    }
}
