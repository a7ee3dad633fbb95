package org.registrehub.api.acces;

import java.security.Principal;
import java.util.Set;

/**
 * An authenticated user as the services see it: who, for which organisation, with which roles and territories.
 * Also the JAAS principal the realm adds to the subject, so that every channel gets it from the login.
 *
 * @param identifiant  login
 * @param organisation its organisation, territories included (départements, and EPCI by their SIREN)
 * @param roles        its roles
 * @param communes     the communes of its EPCI territories
 */
public record Identite(String identifiant, Organisation organisation, Set<Role> roles, Set<String> communes)
        implements Principal {

    public Identite {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        communes = communes == null ? Set.of() : Set.copyOf(communes);
    }

    /** An identity whose organisation works on départements only. */
    public Identite(String identifiant, Organisation organisation, Set<Role> roles) {
        this(identifiant, organisation, roles, Set.of());
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

    /** The organisation works on this département (or EPCI). */
    public boolean couvre(String territoire) {
        return territoire != null && organisation.territoires().contains(territoire);
    }

    /** The commune is in one of the organisation's EPCI territories. */
    public boolean couvreCommune(String commune) {
        return commune != null && communes.contains(commune);
    }

    /** The départements among its territories (3 characters). */
    public Set<String> departements() {
        return organisation.territoires().stream().filter(t -> t.length() == 3)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** How the history and the audit name the actor: {@code identifiant (organisation)}. */
    public String acteur() {
        return identifiant;
    }
}
