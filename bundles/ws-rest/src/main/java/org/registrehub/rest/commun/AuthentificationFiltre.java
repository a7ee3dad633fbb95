package org.registrehub.rest.commun;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.annotation.Priority;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Royaume;
import org.registrehub.api.spi.JsonCodec;

/**
 * HTTP Basic authentication of every REST call through the JAAS realm {@code registre} (the one the console, SOAP and
 * the broker use), except the public resources (health). The identity found is the user principal of the request's
 * security context; the services check its roles and territories.
 */
@Priority(Priorities.AUTHENTICATION)
public class AuthentificationFiltre implements ContainerRequestFilter {

    static final String CODE = "AUTHENTIFICATION_REQUISE";
    private static final String DEFI = "Basic realm=\"Registre Hub\", charset=\"UTF-8\"";
    /**
     * Resources anyone may call: the health of the hub, the directory of guichets, and the renewal page (its one-time
     * token is its credential).
     */
    static final Set<String> PUBLIQUES = Set.of("health", "guichets", "renouvellement-en-ligne");

    private final JsonCodec json;

    public AuthentificationFiltre(JsonCodec json) {
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext requete) {
        String chemin = CheminApi.sousApi(requete.getUriInfo());
        String premier = chemin.contains("/") ? chemin.substring(0, chemin.indexOf('/')) : chemin;
        if (PUBLIQUES.contains(premier)) {
            return;
        }
        String entete = requete.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (entete == null || !entete.regionMatches(true, 0, "Basic ", 0, 6)) {
            requete.abortWith(refus("Authentification requise : identifiez-vous (HTTP Basic) avec un compte du"
                    + " registre.", chemin));
            return;
        }
        String identifiant;
        char[] motDePasse;
        try {
            String clair = new String(Base64.getDecoder().decode(entete.substring(6).strip()), StandardCharsets.UTF_8);
            int deuxPoints = clair.indexOf(':');
            if (deuxPoints < 0) {
                throw new IllegalArgumentException("pas de « : »");
            }
            identifiant = clair.substring(0, deuxPoints);
            motDePasse = clair.substring(deuxPoints + 1).toCharArray();
        } catch (IllegalArgumentException e) {
            requete.abortWith(refus("En-tête Authorization illisible : Basic suivi de identifiant:motdepasse en"
                    + " base64.", chemin));
            return;
        }
        try {
            Identite identite = Royaume.connecter(identifiant, motDePasse, org.registrehub.api.Canal.REST,
                    adresse());
            requete.setSecurityContext(new Securite(identite, requete.getSecurityContext().isSecure()));
        } catch (LoginException e) {
            if (e.getCause() instanceof RegistreIndisponibleException indisponible) {
                throw indisponible; // 503 by the problem mapper
            }
            if (e.getCause() instanceof org.registrehub.api.acces.ConnexionVerrouilleeException verrou) {
                requete.abortWith(verrouillee(verrou, chemin));
                return;
            }
            requete.abortWith(refus("Identifiant ou mot de passe refusé, ou compte désactivé.", chemin));
        }
    }

    /** 429 with Retry-After: too many failed logins for this login or from this address. */
    private Response verrouillee(org.registrehub.api.acces.ConnexionVerrouilleeException verrou, String chemin) {
        String code = org.registrehub.api.acces.ConnexionVerrouilleeException.CODE;
        long secondes = Math.max(1, java.time.Duration.between(java.time.Instant.now(), verrou.getJusqua())
                .toSeconds());
        Probleme probleme = new Probleme(Probleme.type(code), "Connexion verrouillée", 429, verrou.getMessage(),
                CheminApi.RACINE + chemin, code, List.of());
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, secondes).type(Probleme.MEDIA_TYPE)
                .entity(json.ecrire(probleme)).build();
    }

    /** The client's address (the servlet request's), counted by the brakes on password guessing. */
    private static String adresse() {
        org.apache.cxf.message.Message m = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
        Object requete = m == null ? null : m.get(org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
        return requete instanceof javax.servlet.http.HttpServletRequest http ? http.getRemoteAddr() : null;
    }

    private Response refus(String detail, String chemin) {
        Probleme probleme = new Probleme(Probleme.type(CODE), "Authentification requise", 401, detail,
                CheminApi.RACINE + chemin, CODE, List.of());
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, DEFI).type(Probleme.MEDIA_TYPE)
                .entity(json.ecrire(probleme)).build();
    }

    /** The identity of the request, put there by this filter. */
    public static Identite identite(SecurityContext securite) {
        Principal p = securite == null ? null : securite.getUserPrincipal();
        if (p instanceof Identite i) {
            return i;
        }
        throw new IllegalStateException("requête sans identité : le filtre d'authentification n'est pas installé");
    }

    private record Securite(Identite identite, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return identite;
        }

        @Override
        public boolean isUserInRole(String role) {
            return identite.roles().stream().anyMatch(r -> r.nom().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
