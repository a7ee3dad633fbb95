package org.registrehub.api;

/**
 * The message was already processed: its first processing committed, this one wrote nothing. The caller answers as it
 * did the first time (the store keeps what it answered).
 */
public class MessageDejaTraiteException extends RegistreException {

    private static final long serialVersionUID = 1L;

    private final transient MessageRecu recu;

    public MessageDejaTraiteException(MessageRecu recu) {
        super("MESSAGE_DEJA_TRAITE", "Le message " + recu.messageId() + " de " + recu.organisation()
                + " a déjà été traité ; il est sans nouvel effet.");
        this.recu = recu;
    }

    public MessageRecu getRecu() {
        return recu;
    }
}
