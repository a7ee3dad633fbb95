package org.registrehub.api.planification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A job due once a day at a local hour (the national pulls at 02:30, the outbound extract at 03:00, the renewal
 * campaign at 06:00, Paris time): the one rule every daily job of the hub applies at each tick of its route's timer.
 * Due once the day's hour has come and the job has not succeeded since; a hub down at that hour catches up at its
 * next tick; after a failure, not before {@code reessai} has passed.
 *
 * @param heure   the local hour of the day the job is due
 * @param zone    the zone of that hour (the jobs follow the legal time of the territory, summer time included)
 * @param reessai how long after a failure the job is due again ({@link Duration#ZERO}: at the next tick)
 */
public record EcheanceQuotidienne(LocalTime heure, ZoneId zone, Duration reessai) {

    public EcheanceQuotidienne {
        Objects.requireNonNull(heure, "heure");
        Objects.requireNonNull(zone, "zone");
        reessai = reessai == null ? Duration.ZERO : reessai;
    }

    /** Without a delay after a failure. */
    public EcheanceQuotidienne(LocalTime heure, ZoneId zone) {
        this(heure, zone, Duration.ZERO);
    }

    /** When the job is due on the local day of {@code maintenant}. */
    public Instant duJour(Instant maintenant) {
        return maintenant.atZone(zone).toLocalDate().atTime(heure).atZone(zone).toInstant();
    }

    /** Whether the day's hour has come at {@code maintenant}. */
    public boolean heureVenue(Instant maintenant) {
        return !maintenant.isBefore(duJour(maintenant));
    }

    /**
     * Whether the job is to run at {@code maintenant}.
     *
     * @param derniereReussite when it last succeeded (what it covered up to, for a job that covers a period), or null
     * @param dernierEchec     when it last failed, or null
     */
    public boolean aFaire(Instant maintenant, Instant derniereReussite, Instant dernierEchec) {
        if (!heureVenue(maintenant)) {
            return false;
        }
        if (derniereReussite != null && !derniereReussite.isBefore(duJour(maintenant))) {
            return false;
        }
        return dernierEchec == null || !dernierEchec.plus(reessai).isAfter(maintenant);
    }
}
