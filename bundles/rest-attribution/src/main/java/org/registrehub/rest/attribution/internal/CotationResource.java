package org.registrehub.rest.attribution.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.RegistreException;
import org.registrehub.api.attribution.CotationService;
import org.registrehub.api.attribution.CritereCotation;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.AuthentificationFiltre;
import org.registrehub.rest.commun.Probleme;

/**
 * The cotation under {@code /api/v1/cotation}: a territory's grid ({@code GET /grilles/{territoire}}, its versions
 * {@code GET /grilles/{territoire}/versions}, a new version {@code PUT /grilles/{territoire}} with
 * {@code {"criteres": […]}}) and a demand's cotation ({@code GET /demandes/{numeroUnique}}: points, detail, position,
 * wait of similar demands).
 */
@Path("/")
public class CotationResource {

    private final CotationService cotation;
    private final JsonCodec json;

    @Context
    private SecurityContext securite;

    public CotationResource(CotationService cotation, JsonCodec json) {
        this.cotation = cotation;
        this.json = json;
    }

    /** The body of a grid's definition. */
    public record Definition(List<CritereCotation> criteres) {
    }

    @GET
    @Path("/grilles/{territoire}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response grille(@PathParam("territoire") String territoire) {
        return ok(cotation.grille(territoire, contexte()).orElseThrow(() -> new RegistreException("INTROUVABLE",
                "Aucune grille de cotation pour le territoire " + territoire + " : ses demandes n'ont pas de points"
                        + " (un gestionnaire la définit par PUT /api/v1/cotation/grilles/" + territoire + ").")));
    }

    @GET
    @Path("/grilles/{territoire}/versions")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response versions(@PathParam("territoire") String territoire) {
        return ok(Map.of("versions", cotation.versions(territoire, contexte())));
    }

    @PUT
    @Path("/grilles/{territoire}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response definir(@PathParam("territoire") String territoire, InputStream body) {
        Definition d = json.lire(body, Definition.class);
        if (d == null) {
            throw new DemandeInvalideException("La grille de cotation", List.of(new ErreurChamp("criteres",
                    "obligatoire", null, "le corps de la requête est {\"criteres\": […]}")));
        }
        return ok(cotation.definirGrille(territoire, d.criteres(), contexte()));
    }

    @GET
    @Path("/demandes/{numeroUnique}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response demande(@PathParam("numeroUnique") String numeroUnique) {
        return ok(cotation.cotation(numeroUnique, contexte()));
    }

    private Response ok(Object corps) {
        return Response.ok(json.ecrire(corps), MediaType.APPLICATION_JSON).build();
    }

    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
