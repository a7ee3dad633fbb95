package org.registrehub.web.backoffice.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import org.registrehub.api.acces.SessionWeb;
import org.registrehub.api.acces.SessionsWeb;
import org.registrehub.web.commun.Http;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may see a page: the session of the cookie (kept by registre-acces in PostgreSQL, any node reads it), the CSRF
 * token of every form that changes something, the way back to the page asked for after signing in.
 */
public class Garde {

    static final String COOKIE_SESSION = "backoffice_session";
    private static final Logger LOG = LoggerFactory.getLogger(Garde.class);
    /** A page of this application to come back to after signing in: a path, never another site. */
    private static final Pattern RETOUR = Pattern.compile("^/[A-Za-z0-9/_.-]*(\\?[A-Za-z0-9=&_.%+-]*)?$");

    private final SessionsWeb sessions;
    private final Vues vues;

    public Garde(SessionsWeb sessions, Vues vues) {
        this.sessions = sessions;
        this.vues = vues;
    }

    Optional<SessionWeb> session(String jeton) {
        return jeton == null || jeton.isBlank() ? Optional.empty() : sessions.session(jeton);
    }

    /** To the sign-in page, coming back here afterwards. */
    Response versConnexion(String retour) {
        String r = retour(retour);
        return vues.vers("/connexion" + (r.equals("/") ? "" : "?retour=" + URLEncoder.encode(r,
                StandardCharsets.UTF_8))).build();
    }

    /** The page to come back to: a path of this application, or its home. */
    static String retour(String retour) {
        return retour != null && RETOUR.matcher(retour).matches() && !retour.startsWith("//") ? retour : "/";
    }

    boolean csrf(SessionWeb s, String recu) {
        return Http.memeJeton(s.csrf(), recu);
    }

    Response refusCsrf(SessionWeb s, HttpServletRequest requete) {
        LOG.warn("Formulaire du back-office refusé : jeton anti-CSRF absent ou faux ({}, adresse {})",
                s == null ? "sans session" : s.identite().identifiant(), adresse(requete));
        return vues.message("Formulaire expiré", "Ce formulaire a expiré ou ne vient pas de ce site : rien n'a été"
                + " enregistré. Rechargez la page et recommencez.", s, null, 403);
    }

    static String adresse(HttpServletRequest requete) {
        return requete == null ? null : requete.getRemoteAddr();
    }
}
