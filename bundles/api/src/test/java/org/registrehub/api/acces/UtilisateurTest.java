package org.registrehub.api.acces;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;

public class UtilisateurTest {

    @Test
    public void lesRolesSontToujoursDansLOrdreDeLEnumeration() {
        Set<Role> donnes = new LinkedHashSet<>(List.of(Role.BAILLEUR, Role.GUICHET));
        Utilisateur u = new Utilisateur("agent.habitat44", "ERP", "HABITAT44", donnes, true, null, null);
        assertEquals(List.of(Role.GUICHET, Role.BAILLEUR), List.copyOf(u.roles()));
        assertThrows(UnsupportedOperationException.class, () -> u.roles().add(Role.ADMIN));
        donnes.add(Role.ADMIN);
        assertEquals("a copy, not a view of the caller's set", 2, u.roles().size());
        assertTrue(new Utilisateur("x", "x", "O", null, true, null, null).roles().isEmpty());
    }
}
