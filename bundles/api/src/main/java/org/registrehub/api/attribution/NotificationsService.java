package org.registrehub.api.attribution;

import java.util.List;

import org.registrehub.api.Contexte;

/**
 * The applicant is told of a proposal (designated as a candidate for a dwelling) and of the commission's decision on
 * it, whichever channel recorded them (REST, console, an ERP's {@code proposition} or {@code decisionCal}): by e-mail
 * when the demand has an address and the hub an SMTP server, otherwise by a letter in the day's batch (a PDF in
 * {@code notification.dossierCourriers}); each notification is sent once, even with several nodes, and audited
 * ({@code NOTIFICATION}).
 */
public interface NotificationsService {

    /** Sends what is waiting (a route calls it every {@code notification.periodeSecondes}; an admin may too). */
    BilanNotifications envoyer(Contexte contexte);

    /** The notifications of a demand, oldest first (nominative: audited). */
    List<NotificationCandidat> notifications(String numeroUnique, Contexte contexte);
}
