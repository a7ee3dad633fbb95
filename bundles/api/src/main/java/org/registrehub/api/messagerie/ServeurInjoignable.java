package org.registrehub.api.messagerie;

/** The SMTP server could not be reached or failed: nothing was sent by this call. */
public class ServeurInjoignable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServeurInjoignable(String message, Throwable cause) {
        super(message, cause);
    }
}
