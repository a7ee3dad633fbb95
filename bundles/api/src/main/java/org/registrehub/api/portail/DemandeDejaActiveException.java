package org.registrehub.api.portail;

import org.registrehub.api.RegistreException;

/**
 * A first demand filed online by an applicant who already has an active demand (same identity): nothing is
 * registered; the numéro of the existing demand was sent to its own e-mail address (never shown to the person filing),
 * so that its holder signs in with it.
 */
public class DemandeDejaActiveException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "DEMANDE_DEJA_ACTIVE";

    private final boolean numeroEnvoye;

    public DemandeDejaActiveException(String message, boolean numeroEnvoye) {
        super(CODE, message);
        this.numeroEnvoye = numeroEnvoye;
    }

    /** Whether the existing demand's numéro was sent to its e-mail address (false: it has none). */
    public boolean numeroEnvoye() {
        return numeroEnvoye;
    }
}
