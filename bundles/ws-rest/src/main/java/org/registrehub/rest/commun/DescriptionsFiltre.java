package org.registrehub.rest.commun;

import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.registrehub.api.spi.JsonCodec;

/**
 * No machine description of the API from the framework ({@code ?_wadl}, {@code ?_schema}): it would list every
 * resource to anyone, before any authentication. The documented contract is the manual and the OpenAPI document.
 * Runs before every other filter (CXF's WADL generator among them).
 */
@PreMatching
@Priority(1)
public class DescriptionsFiltre implements ContainerRequestFilter {

    static final List<String> CACHEES = List.of("_wadl", "_schema");

    private final JsonCodec json;

    public DescriptionsFiltre(JsonCodec json) {
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext requete) {
        var parametres = requete.getUriInfo().getQueryParameters();
        if (CACHEES.stream().anyMatch(parametres::containsKey)) {
            String chemin = CheminApi.sousApi(requete.getUriInfo());
            Probleme p = new Probleme(Probleme.type("HTTP_404"), "Not Found", 404, "Cette ressource n'existe pas. Les"
                    + " ressources sont décrites dans la documentation de l'API.", CheminApi.RACINE
                    + chemin, "HTTP_404", List.of());
            requete.abortWith(javax.ws.rs.core.Response.status(404).type(Probleme.MEDIA_TYPE).entity(json.ecrire(p))
                    .build());
        }
    }
}
