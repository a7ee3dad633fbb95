package org.registrehub.testing;

import java.util.EnumSet;
import java.util.Set;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;

/** Identities of the tests: one per role, with the territories and guichet codes the examples use. */
public final class Identites {

    private Identites() {
    }

    /** The guichet G1104 (Nantes) on the 44. */
    public static Identite guichet44() {
        return guichet("agent.g1104", "MAIRIE-NANTES", "G1104", "044");
    }

    public static Identite guichet(String identifiant, String organisation, String guichet, String... territoires) {
        return new Identite(identifiant, new Organisation(organisation, TypeOrganisation.GUICHET, organisation, guichet,
                true, Set.of(territoires)), EnumSet.of(Role.GUICHET));
    }

    /** The gestionnaire of the 44 (a State service). */
    public static Identite gestionnaire44() {
        return new Identite("gestionnaire.44", new Organisation("DDETS44", TypeOrganisation.ETAT, "DDETS 44", null,
                true, Set.of("044")), EnumSet.of(Role.GESTIONNAIRE));
    }

    public static Identite bailleur44() {
        return new Identite("bailleur.nmh", new Organisation("NMH", TypeOrganisation.BAILLEUR,
                "Nantes Métropole Habitat", null, true, Set.of("044")), EnumSet.of(Role.BAILLEUR));
    }

    public static Identite observateur() {
        return new Identite("observatoire", new Organisation("OBS-PDL", TypeOrganisation.OBSERVATOIRE,
                "Observatoire régional", null, true, Set.of("044", "049", "053", "072", "085")),
                EnumSet.of(Role.OBSERVATEUR));
    }

    public static Identite admin() {
        return new Identite("admin", new Organisation("HUB", TypeOrganisation.HUB, "Exploitant du hub", null, true,
                Set.of()), EnumSet.of(Role.ADMIN));
    }

    public static Contexte contexte(Identite identite, Canal canal) {
        return new Contexte(identite, canal);
    }
}
