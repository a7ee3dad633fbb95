package org.registrehub.api.acces;

import java.time.Instant;

/**
 * A signed-in session of the staff's web application (back-office).
 *
 * @param jeton    the secret the browser keeps in an {@code HttpOnly} cookie (the hub stores its SHA-256 only)
 * @param csrf     the token every form that changes something must carry (derived from {@code jeton})
 * @param identite who, with the roles and territories as they are now (re-read at each request)
 * @param ouverte  when the session was opened
 * @param expire   when it ends unless used again before (inactivity), never later than its maximum duration
 */
public record SessionWeb(String jeton, String csrf, Identite identite, Instant ouverte, Instant expire) {

    @Override
    public String toString() {
        return "SessionWeb[" + identite.identifiant() + ", expire " + expire + "]";
    }
}
