package org.registrehub.api.erp;

import java.util.List;

/** What an administrator sees and does on the ERP channel. */
public interface SupervisionErp {

    /** Every organisation with ERP queues, in code order. */
    List<EtatOrganisationErp> etat();

    /** Messages in the dead-letter queue, oldest first, at most {@code max}. */
    List<LettreMorte> lettresMortes(int max);

    /**
     * Sends a dead letter back to the queue it came from (after the cause was fixed); the hub processes it again,
     * idempotently.
     *
     * @return false if there is no such dead letter
     */
    boolean rejouer(long id);

    /**
     * Sends every dead letter of an organisation (or all of them: {@code organisation} null) back to its queue.
     *
     * @return how many were sent back
     */
    int rejouerTout(String organisation);
}
