package org.registrehub.api;

/**
 * One field changed by an operation.
 *
 * @param champ path of the field ({@code dossier.contact.email}, {@code statut}...)
 * @param avant value before, as text (null when the field appears)
 * @param apres value after, as text (null when the field disappears)
 */
public record Changement(String champ, String avant, String apres) {
}
