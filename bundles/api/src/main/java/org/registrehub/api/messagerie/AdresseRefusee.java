package org.registrehub.api.messagerie;

/** The recipient's address is invalid or refused by the SMTP server: the notice goes by letter. */
public class AdresseRefusee extends Exception {
    private static final long serialVersionUID = 1L;

    public AdresseRefusee(String message, Throwable cause) {
        super(message, cause);
    }
}
