package org.registrehub.api;

import org.registrehub.api.acces.Identite;

/**
 * Who asks for an operation and through which channel: the authenticated identity (login, organisation, roles,
 * territories) that the services check, and that the history and the audit trail record.
 *
 * @param identite the authenticated caller
 * @param canal    channel of the request
 * @param recu     the inbound message that asked for it (ERP), recorded with the change for idempotency; or null
 */
public record Contexte(Identite identite, Canal canal, MessageRecu recu) {

    public Contexte {
        if (identite == null) {
            throw new IllegalArgumentException("identité obligatoire : toute opération du registre a un auteur"
                    + " authentifié");
        }
        if (canal == null) {
            throw new IllegalArgumentException("canal obligatoire");
        }
    }

    /** A request that is not a queued message (REST, SOAP, console...). */
    public Contexte(Identite identite, Canal canal) {
        this(identite, canal, null);
    }

    /** The login recorded in the history and the audit trail. */
    public String acteur() {
        return identite.identifiant();
    }

    /** The code of the caller's organisation. */
    public String organisation() {
        return identite.organisation().code();
    }
}
