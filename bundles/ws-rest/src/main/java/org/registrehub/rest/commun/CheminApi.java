package org.registrehub.rest.commun;

import javax.ws.rs.core.UriInfo;

/**
 * The path of a request under {@code /api/v1}, whichever of the hub's REST servers answers it ({@code /api/v1} itself
 * or a capability's own server such as {@code /api/v1/statistiques}): {@code statistiques/flux}, {@code health}.
 */
final class CheminApi {

    static final String RACINE = "/api/v1/";

    private CheminApi() {
    }

    static String sousApi(UriInfo uri) {
        String complet = uri.getRequestUri().getPath();
        int debut = complet == null ? -1 : complet.indexOf(RACINE);
        if (debut >= 0) {
            return complet.substring(debut + RACINE.length());
        }
        String chemin = uri.getPath();
        return chemin.startsWith("/") ? chemin.substring(1) : chemin;
    }
}
