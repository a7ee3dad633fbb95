package org.registrehub.erp.internal;

import org.registrehub.api.erp.MessageErpInexploitableException;

/** The message cannot be read or answered (malformed JSON, missing messageId, unknown type): dead-lettered at once. */
public class MessageIllisibleException extends MessageErpInexploitableException {

    private static final long serialVersionUID = 1L;

    public MessageIllisibleException(String message) {
        super(message);
    }
}
