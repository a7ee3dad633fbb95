package org.registrehub.api;

import org.registrehub.api.acces.Identite;

/**
 * Who asks for an operation and through which channel: the authenticated identity (login, organisation, roles,
 * territories) that the services check, and that the history and the audit trail record.
 *
 * @param identite the authenticated caller
 * @param canal    channel of the request
 */
public record Contexte(Identite identite, Canal canal) {

    public Contexte {
        if (identite == null) {
            throw new IllegalArgumentException("identité obligatoire : toute opération du registre a un auteur"
                    + " authentifié");
        }
        if (canal == null) {
            throw new IllegalArgumentException("canal obligatoire");
        }
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
