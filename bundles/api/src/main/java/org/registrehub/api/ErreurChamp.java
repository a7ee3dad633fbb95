package org.registrehub.api;

/**
 * One field-level validation error.
 *
 * @param champ         path of the field in the submitted document, e.g. {@code dateNaissance}
 * @param regle         stable code of the rule that failed, e.g. {@code obligatoire}, {@code format}
 * @param valeurRejetee the rejected value as received (may be {@code null})
 * @param message       explanation in French for the end user
 */
public record ErreurChamp(String champ, String regle, String valeurRejetee, String message) {

    @Override
    public String toString() {
        return champ + " : " + message + (valeurRejetee == null ? "" : " (valeur reçue : « " + valeurRejetee + " »)");
    }
}
