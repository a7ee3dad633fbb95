package org.registrehub.routes.erp.internal;

/** The message cannot be read or answered (malformed JSON, missing messageId, unknown type): dead-lettered at once. */
public class MessageIllisibleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageIllisibleException(String message) {
        super(message);
    }
}
