package org.registrehub.api.messagerie;

/**
 * Sends e-mails through the hub's SMTP server. Without a server configured ({@link #active()} false) there is no
 * e-mail: a capability then writes to the applicant by letter.
 */
public interface MessagerieService {

    /** Whether e-mails can be sent at all. */
    boolean active();

    /** Where the e-mails go, for logs and reports (never a password). */
    String cible();

    /** Opens a connection; the first e-mail connects. Close it when the batch is sent. */
    Connexion ouvrir();

    /** One SMTP connection, for a batch of e-mails. */
    interface Connexion extends AutoCloseable {

        /**
         * Sends one e-mail.
         *
         * @throws AdresseRefusee     the recipient's address is invalid or refused: write by letter instead
         * @throws ServeurInjoignable the server cannot be reached or failed: nothing was sent, try again later
         */
        void envoyer(Courriel courriel) throws AdresseRefusee;

        @Override
        void close();
    }
}
