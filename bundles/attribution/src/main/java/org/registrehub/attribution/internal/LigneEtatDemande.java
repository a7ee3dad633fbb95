package org.registrehub.attribution.internal;

/** A demand's status, territory and communes (as text) for the designation rules. */
public record LigneEtatDemande(String numeroUnique, String statut, String territoire, String communes) {
}
