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
    private final org.registrehub.api.RegistreService registre;
    private final Vues vues;

    public Garde(SessionsWeb sessions, org.registrehub.api.RegistreService registre, Vues vues) {
        this.sessions = sessions;
        this.registre = registre;
        this.vues = vues;
    }

    Optional<SessionWeb> session(String jeton) {
        return jeton == null || jeton.isBlank() ? Optional.empty() : sessions.session(jeton);
    }

    /** The signed-in user of this cookie, with its rights; empty without an open session. */
    Optional<Agent> agent(String jeton) {
        return session(jeton).map(s -> {
            org.registrehub.api.Contexte c = new org.registrehub.api.Contexte(s.identite(),
                    org.registrehub.api.Canal.WEB);
            return new Agent(s, c, registre.droits(c));
        });
    }

    /**
     * Why a form that changes something is refused: no open session (to the sign-in page, then back to
     * {@code retour}), or a CSRF token missing or not the session's; null when it may go on.
     */
    Response refusFormulaire(Optional<Agent> a, String csrf, String retour, HttpServletRequest requete) {
        if (a.isEmpty()) {
            return versConnexion(retour);
        }
        return csrf(a.get().session(), csrf) ? null : refusCsrf(a.get().session(), requete);
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
