package org.registrehub.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.registrehub.api.acces.AnnuaireService;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.Probleme;

/** {@code GET /api/v1/guichets?commune=44109}: the public directory of guichets (no authentication). */
@Path("/guichets")
public class GuichetsResource {

    private final AnnuaireService annuaire;
    private final JsonCodec json;

    public GuichetsResource(AnnuaireService annuaire, JsonCodec json) {
        this.annuaire = annuaire;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response guichets(@QueryParam("commune") String commune) {
        return Response.ok(json.ecrire(annuaire.guichets(commune)), MediaType.APPLICATION_JSON).build();
    }
}
