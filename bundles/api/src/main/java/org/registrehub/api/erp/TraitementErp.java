package org.registrehub.api.erp;

import java.util.Optional;

/**
 * The handling of one inbound ERP message (bundle {@code registre-erp}): reads it, checks it against its contract
 * ({@code docs/messages}), applies it through the register's services acting as the organisation, records it for
 * idempotence and builds the reply. The routes only carry messages between the broker and this service.
 */
public interface TraitementErp {

    /**
     * @param corps        the message as received
     * @param organisation the organisation whose inbound queue it came from (only its accounts may send there)
     * @param expediteur   the login that sent it, checked by the broker (the AMQP user-id, JMSXUserID)
     * @return the reply to send back to the organisation: {@code ACCEPTE} or {@code REJETE} with the field errors; a
     *         message already processed gets its first answer again, with no new effect
     * @throws MessageErpInexploitableException when the message cannot be read or its organisation cannot act
     *                                          (dead-lettered at once)
     * @throws org.registrehub.api.RegistreIndisponibleException when the register cannot be reached (to be delivered
     *                                                           again later)
     */
    ReponseTraitementErp traiter(String corps, String organisation, String expediteur);

    /** The messageId of a message if it can be read at all (for a dead letter's description). */
    Optional<String> messageIdLisible(String corps);
}
