package org.registrehub.api;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.registrehub.api.EtatSante.Statut;

public class EtatSanteTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @Test
    public void sinceStaysWhileTheStatusDoesNotChange() {
        EtatSante up = new EtatSante("broker", Statut.UP, "accepte", T0);
        assertEquals(new EtatSante("broker", Statut.UP, "accepte encore", T0),
                up.suivant(Statut.UP, "accepte encore", T1));
        assertEquals(new EtatSante("broker", Statut.DOWN, "refuse", T1), up.suivant(Statut.DOWN, "refuse", T1));
    }

    @Test
    public void routesAreUpOnlyWhenTheContextAndEveryRouteAreStarted() {
        assertEquals(Statut.STARTING, EtatSante.routes("c", false, "Starting", List.of(), "prêt", T0).statut());
        EtatSante arretee = EtatSante.routes("c", true, "Started", List.of("r2"), "prêt", T0);
        assertEquals(new EtatSante("c", Statut.STARTING, "routes pas démarrées : r2", T0), arretee);
        assertEquals(new EtatSante("c", Statut.UP, "prêt", T0), EtatSante.routes("c", true, "Started", List.of(),
                "prêt", T0));
    }
}
