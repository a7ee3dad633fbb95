package org.registrehub.web.commun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.servlet.http.HttpServletRequest;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.FonctionnaliteAbsenteException;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;

/** What every web application of the hub does the same way with HTTP: cookies, random tokens, statuses. */
public final class Http {

    /** One generator for the tokens (seeding a new one per request costs for nothing). */
    private static final SecureRandom HASARD = new SecureRandom();

    private Http() {
    }

    /**
     * A cookie for this application only: {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when the browser
     * came over HTTPS (directly or through a proxy that says so).
     *
     * @param maxAge seconds, 0 to delete it, negative for the browser's session
     */
    public static String cookie(HttpServletRequest requete, String chemin, String nom, String valeur, int maxAge) {
        boolean https = requete != null && ("https".equalsIgnoreCase(requete.getScheme())
                || "https".equalsIgnoreCase(requete.getHeader("X-Forwarded-Proto")));
        return nom + "=" + valeur + "; Path=" + chemin + "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    /** 256 random bits, URL-safe (43 characters). */
    public static String nouveauJeton() {
        byte[] b = new byte[32];
        HASARD.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Two tokens compared in constant time; false when either is missing. */
    public static boolean memeJeton(String attendu, String recu) {
        return attendu != null && recu != null && MessageDigest.isEqual(attendu.getBytes(StandardCharsets.US_ASCII),
                recu.getBytes(StandardCharsets.US_ASCII));
    }

    /** The HTTP status of a register's error, as the REST channel gives it. */
    public static int statut(RegistreException e) {
        if (e instanceof DemandeIntrouvableException) {
            return 404;
        }
        if (e instanceof AccesRefuseException) {
            return 403;
        }
        if (e instanceof RegistreIndisponibleException || e instanceof FonctionnaliteAbsenteException) {
            return 503;
        }
        if (e instanceof DemandeInvalideException) {
            return 400;
        }
        if (e instanceof VersionObsoleteException || e instanceof TransitionInterditeException) {
            return 409;
        }
        return 422;
    }
}
