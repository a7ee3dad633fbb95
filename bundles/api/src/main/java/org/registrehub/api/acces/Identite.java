package org.registrehub.api.acces;

import java.security.Principal;
import java.util.Set;

/**
 * An authenticated user as the services see it: who, for which organisation, with which roles and territories.
 * Also the JAAS principal the realm adds to the subject, so that every channel gets it from the login.
 *
 * @param identifiant  login
 * @param organisation its organisation, territories included
 * @param roles        its roles
 */
public record Identite(String identifiant, Organisation organisation, Set<Role> roles) implements Principal {

    public Identite {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return identifiant;
    }

    public boolean a(Role role) {
        return roles.contains(role);
    }

    public Set<String> territoires() {
        return organisation.territoires();
    }

    /** The organisation works on this département. */
    public boolean couvre(String territoire) {
        return territoire != null && organisation.territoires().contains(territoire);
    }

    /** How the history and the audit name the actor: {@code identifiant (organisation)}. */
    public String acteur() {
        return identifiant;
    }
}
