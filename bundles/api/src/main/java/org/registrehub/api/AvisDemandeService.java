package org.registrehub.api;

/**
 * The notices to the applicant about the life of their demand: the attestation d'enregistrement the day the demand
 * is registered, the radiation with its reason, whatever the channel that did it. Written by the database in the
 * transaction of the change; sent by this service, by e-mail (the attestation attached) when the demand has an
 * address, else by a letter in the day's batch (a PDF to print and post).
 *
 * @since 1.11.0
 */
public interface AvisDemandeService {

    /**
     * Sends the notices waiting, by batches; each is claimed by one node and marked sent with an audit line in the
     * transaction that sends it.
     *
     * @throws AccesRefuseException unless the caller is an administrator or a gestionnaire (or the hub's scheduler)
     */
    Bilan envoyer(Contexte contexte);

    /**
     * What a run sent.
     *
     * @param courriels notices sent by e-mail
     * @param courriers notices written in the letters' batch
     * @param lot       the batch's file name, or null
     * @param restants  notices still waiting (an SMTP server away)
     * @param arret     why the e-mails stopped, or null
     */
    record Bilan(int courriels, int courriers, String lot, long restants, String arret) {
    }
}
