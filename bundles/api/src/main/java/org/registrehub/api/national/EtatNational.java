package org.registrehub.api.national;

import org.registrehub.api.Statut;

/** The national status and version of a demand. */
public record EtatNational(String numeroUnique, Statut statut, long version) {
}
