package org.registrehub.erp.internal;

import org.registrehub.api.erp.MessageErpInexploitableException;

/**
 * The organisation whose queue a message came from cannot act (unknown, disabled, or neither a landlord nor a guichet):
 * the message goes to the dead-letter queue at once, to be replayed if the organisation is enabled again.
 */
public class OrganisationRefuseeException extends MessageErpInexploitableException {

    private static final long serialVersionUID = 1L;

    public OrganisationRefuseeException(String message) {
        super(message);
    }
}
