package org.registrehub.api.acces;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user account (never its password).
 *
 * @param identifiant  login, unique
 * @param nom          display name
 * @param organisation code of its organisation
 * @param roles        its roles, in the order of {@link Role} (so that every answer lists them alike)
 * @param actif        a disabled user is refused at its next request
 * @param creeLe       creation time
 * @param desactiveLe  when it was disabled, if it is
 */
public record Utilisateur(String identifiant, String nom, String organisation, Set<Role> roles, boolean actif,
                          Instant creeLe, Instant desactiveLe) {

    public Utilisateur {
        roles = roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }
}
