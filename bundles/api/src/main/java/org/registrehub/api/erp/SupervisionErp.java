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

    /** Who supervises the ERP channel: an administrator (every organisation), a gestionnaire (its territories'). */
    static boolean autorise(org.registrehub.api.acces.Identite identite) {
        return org.registrehub.api.acces.AuditService.autorise(identite);
    }

    /**
     * The state of the organisations a user supervises: every one for an administrator, those of its territories for a
     * gestionnaire.
     *
     * @throws org.registrehub.api.AccesRefuseException for any other role
     */
    List<EtatOrganisationErp> etat(org.registrehub.api.Contexte contexte);

    /**
     * The dead letters a user may handle, oldest first, at most {@code max}: all of them for an administrator, those
     * of the organisations of its territories for a gestionnaire.
     *
     * @throws org.registrehub.api.AccesRefuseException for any other role
     */
    List<LettreMorte> lettresMortes(int max, org.registrehub.api.Contexte contexte);

    /**
     * What a dead letter carries (the message as its sender wrote it), for a user who may handle it; the read is
     * audited ({@code LETTRE_MORTE_LECTURE}).
     *
     * @return empty if there is no such dead letter in the user's reach
     */
    java.util.Optional<String> contenu(long id, org.registrehub.api.Contexte contexte);

    /** {@link #rejouer(long)} for a user who may handle it, audited ({@code LETTRE_MORTE_REJEU}). */
    boolean rejouer(long id, org.registrehub.api.Contexte contexte);

    /**
     * Discards a dead letter for good (a message its sender has replaced), audited ({@code LETTRE_MORTE_SUPPRESSION},
     * with its messageId and reason).
     *
     * @return false if there is no such dead letter in the user's reach
     */
    boolean supprimer(long id, org.registrehub.api.Contexte contexte);
}
