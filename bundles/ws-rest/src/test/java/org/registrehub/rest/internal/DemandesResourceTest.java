package org.registrehub.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.rest.commun.VersionRequiseException;

/** The demands resource's reading of {@code If-Match}. */
public class DemandesResourceTest {

    @Test
    public void ifMatchCarriesTheVersion() {
        assertEquals(3, DemandesResource.version("\"3\""));
        assertEquals(3, DemandesResource.version("W/\"3\""));
        assertEquals(0, DemandesResource.version("0"));
        try {
            DemandesResource.version(null);
            org.junit.Assert.fail();
        } catch (VersionRequiseException expected) {
            assertTrue(expected.getMessage().contains("If-Match"));
        }
        try {
            DemandesResource.version("\"abc\"");
            org.junit.Assert.fail();
        } catch (DemandeInvalideException expected) {
            assertEquals("If-Match", expected.getErreurs().get(0).champ());
        }
    }
}
