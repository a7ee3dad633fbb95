package org.registrehub.api.attribution;

/**
 * One sending of the applicants' notifications.
 *
 * @param courriels   e-mails sent
 * @param courriers   letters put in the day's batch
 * @param lot         the batch's PDF (file name), or null when there was no letter
 * @param restantes   notifications still to send (the SMTP server was unreachable: the next sending takes them)
 * @param observation what stopped the e-mails, if anything
 */
public record BilanNotifications(int courriels, int courriers, String lot, long restantes, String observation) {
}
