package org.registrehub.api;

/**
 * Who asks for an operation and through which channel; recorded in the history of every change.
 *
 * @param acteur identifier of the person or system acting (user name, guichet, ERP...)
 * @param canal  channel of the request
 */
public record Contexte(String acteur, Canal canal) {

    public Contexte {
        if (canal == null) {
            throw new IllegalArgumentException("canal obligatoire");
        }
        acteur = acteur == null || acteur.isBlank() ? "inconnu" : acteur.strip();
    }
}
