package org.registrehub.web.commun;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

/**
 * The security headers of every portal response: a content policy that allows this site only (no inline script or
 * style, no other host, no framing), no MIME sniffing, no referrer (a link's token never leaves in a Referer).
 */
public class EntetesSecurite implements ContainerResponseFilter {

    public static final String POLITIQUE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " object-src 'none'";

    @Override
    public void filter(ContainerRequestContext requete, ContainerResponseContext reponse) {
        MultivaluedMap<String, Object> h = reponse.getHeaders();
        h.putIfAbsent("Content-Security-Policy", java.util.List.of(POLITIQUE));
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("X-Frame-Options", "DENY");
        h.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
    }
}
