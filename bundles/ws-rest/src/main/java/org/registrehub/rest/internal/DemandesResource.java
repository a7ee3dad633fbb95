package org.registrehub.rest.internal;

import java.io.InputStream;
import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.registrehub.api.Canal;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.spi.JsonCodec;

/** {@code /api/v1/demandes}: registration and consultation of demands. */
@Path("/demandes")
public class DemandesResource {

    private final RegistreService registre;
    private final JsonCodec json;

    public DemandesResource(RegistreService registre, JsonCodec json) {
        this.registre = registre;
        this.json = json;
    }

    /** Registers a demand: {@code 201 Created}, {@code Location} of the new demand and the demand as body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response enregistrer(InputStream body, @Context UriInfo uriInfo) {
        NouvelleDemande saisie = json.lire(body, NouvelleDemande.class);
        Demande demande = registre.enregistrer(saisie, Canal.REST);
        URI location = uriInfo.getAbsolutePathBuilder().path(demande.numeroUnique()).build();
        return Response.created(location).type(MediaType.APPLICATION_JSON).entity(json.ecrire(demande)).build();
    }

    @GET
    @Path("/{numeroUnique}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response consulter(@PathParam("numeroUnique") String numeroUnique) {
        Demande demande = registre.consulter(numeroUnique)
                .orElseThrow(() -> new DemandeIntrouvableException(numeroUnique));
        return Response.ok(json.ecrire(demande), MediaType.APPLICATION_JSON).build();
    }
}
