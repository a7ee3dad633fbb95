package org.registrehub.routes.erp.internal;

/**
 * The organisation whose queue a message came from cannot act (unknown, disabled, or neither a landlord nor a guichet):
 * the message goes to the dead-letter queue at once, to be replayed if the organisation is enabled again.
 */
public class OrganisationRefuseeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrganisationRefuseeException(String message) {
        super(message);
    }
}
