package org.registrehub.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the tests set and move: a day at 10:00 in its zone, or an instant, or plus a duration. */
public final class HorlogeReglable extends Clock {

    private final ZoneId zone;
    private volatile Instant maintenant;

    public HorlogeReglable(ZoneId zone, Instant depart) {
        this.zone = zone;
        this.maintenant = depart;
    }

    /** That day at 10:00 in the clock's zone. */
    public void jour(String date) {
        maintenant = LocalDate.parse(date).atTime(10, 0).atZone(zone).toInstant();
    }

    public void avancer(Duration duree) {
        maintenant = maintenant.plus(duree);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId autre) {
        return this;
    }

    @Override
    public Instant instant() {
        return maintenant;
    }
}
