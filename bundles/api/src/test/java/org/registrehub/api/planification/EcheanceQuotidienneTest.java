package org.registrehub.api.planification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.Test;

/** The daily due rule: the hour, the catch-up, the delay after a failure, the local time across summer time. */
public class EcheanceQuotidienneTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final EcheanceQuotidienne a0230 = new EcheanceQuotidienne(LocalTime.of(2, 30), PARIS,
            Duration.ofMinutes(15));

    private static Instant paris(String local) {
        return java.time.LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @Test
    public void pasAvantLHeurePuisUneFoisParJour() {
        assertFalse(a0230.aFaire(paris("2026-12-06T02:29:59"), null, null));
        assertTrue(a0230.aFaire(paris("2026-12-06T02:30:00"), null, null));
        // done at 02:31: not again that day, due again the next day
        assertFalse(a0230.aFaire(paris("2026-12-06T23:00:00"), paris("2026-12-06T02:31:00"), null));
        assertTrue(a0230.aFaire(paris("2026-12-07T02:30:00"), paris("2026-12-06T02:31:00"), null));
    }

    @Test
    public void unHubArreteALHeureRattrapeAuPremierTop() {
        // down from 01:00 to 09:00: yesterday's success does not count for today
        assertTrue(a0230.aFaire(paris("2026-12-06T09:00:00"), paris("2026-12-05T02:31:00"), null));
    }

    @Test
    public void apresUnEchecPasAvantLeDelai() {
        Instant echec = paris("2026-12-06T02:30:05");
        assertFalse(a0230.aFaire(paris("2026-12-06T02:44:00"), null, echec));
        assertTrue(a0230.aFaire(paris("2026-12-06T02:45:05"), null, echec));
        // the failure of yesterday does not hold back today
        assertTrue(a0230.aFaire(paris("2026-12-06T02:30:00"), null, paris("2026-12-06T02:29:00").minus(Duration.ofDays(1))));
    }

    @Test
    public void lHeureLocaleSuitLHeureDEte() {
        EcheanceQuotidienne a6h = new EcheanceQuotidienne(LocalTime.of(6, 0), PARIS);
        assertEquals(Instant.parse("2026-01-15T05:00:00Z"), a6h.duJour(Instant.parse("2026-01-15T12:00:00Z")));
        assertEquals(Instant.parse("2026-07-15T04:00:00Z"), a6h.duJour(Instant.parse("2026-07-15T12:00:00Z")));
    }
}
