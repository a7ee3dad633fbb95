package org.registrehub.api;

/**
 * The inbound message that asked for an operation (ERP channel). When a {@link Contexte} carries one, the store
 * records it as processed in the same transaction as the change: the same message delivered again finds it and changes
 * nothing ({@link MessageDejaTraiteException}).
 *
 * @param organisation code of the sending organisation (the one whose queue the message came from)
 * @param messageId    the sender's unique id of the message
 * @param type         type of the message ({@code bailSigne}, {@code proposition}...)
 * @param empreinte    SHA-256 of the message as received (hex), kept with its id: the same id with another content is
 *                     refused, never taken for the first; null when unknown (messages recorded before it was kept)
 */
public record MessageRecu(String organisation, String messageId, String type, String empreinte) {

    public MessageRecu(String organisation, String messageId, String type) {
        this(organisation, messageId, type, null);
    }

    public MessageRecu {
        if (organisation == null || organisation.isBlank() || messageId == null || messageId.isBlank()
                || type == null || type.isBlank()) {
            throw new IllegalArgumentException("organisation, messageId et type obligatoires");
        }
    }
}
