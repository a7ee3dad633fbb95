package org.registrehub.rest.attribution.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.attribution.CandidaturesService;
import org.registrehub.api.attribution.DeclarationLogement;
import org.registrehub.api.attribution.Designation;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.RapprochementService;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.AuthentificationFiltre;
import org.registrehub.rest.commun.ParametresRecherche;
import org.registrehub.rest.commun.Probleme;

/**
 * The offered dwellings under {@code /api/v1/logements}: declare ({@code POST}), list ({@code GET ?statut=&commune=}),
 * read ({@code GET /{rpls}}), history ({@code /{rpls}/historique}), withdraw ({@code POST /{rpls}/retrait} with
 * {@code {"motif": "…"}}), the ranked, explained candidates ({@code GET /{rpls}/candidats?limite=20}), the
 * designation of up to three of them ({@code POST /{rpls}/designation}) and the candidatures
 * ({@code GET /{rpls}/candidatures}). The rights
 * are the services' (landlord, réservataire, gestionnaire of the territory).
 */
@Path("/")
public class LogementsResource {

    /** Candidates listed when the request does not say. */
    static final int LIMITE_DEFAUT = 20;

    private final LogementsService logements;
    private final RapprochementService rapprochement;
    private final CandidaturesService candidatures;
    private final JsonCodec json;

    @Context
    private SecurityContext securite;

    public LogementsResource(LogementsService logements, RapprochementService rapprochement,
                             CandidaturesService candidatures, JsonCodec json) {
        this.logements = logements;
        this.rapprochement = rapprochement;
        this.candidatures = candidatures;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response declarer(InputStream body, @Context UriInfo uriInfo) {
        DeclarationLogement declaration = json.lire(body, DeclarationLogement.class);
        LogementOffert l = logements.declarer(declaration, contexte());
        URI location = uriInfo.getAbsolutePathBuilder().path(l.identifiantRpls()).build();
        return Response.created(location).type(MediaType.APPLICATION_JSON).entity(json.ecrire(l)).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response lister(@QueryParam("statut") String statut, @QueryParam("commune") String commune) {
        ParametresRecherche p = new ParametresRecherche();
        StatutOffre s = p.valeur("statut", statut, StatutOffre.class);
        p.verifier();
        return json(Map.of("logements", logements.logements(s, p.texte(commune), contexte())));
    }

    @GET
    @Path("/{rpls}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response consulter(@PathParam("rpls") String rpls) {
        return json(logements.logement(rpls, contexte()));
    }

    @GET
    @Path("/{rpls}/historique")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response historique(@PathParam("rpls") String rpls) {
        return json(Map.of("historique", logements.historique(rpls, contexte())));
    }

    /** Withdraws an open offer: the body is {@code {"motif": "…"}}. */
    @POST
    @Path("/{rpls}/retrait")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response retirer(@PathParam("rpls") String rpls, InputStream body) {
        Retrait retrait = json.lire(body, Retrait.class);
        if (retrait == null) {
            throw new DemandeInvalideException("Le retrait", List.of(new ErreurChamp("motif", "obligatoire", null,
                    "le corps de la requête est {\"motif\": \"…\"}")));
        }
        return json(logements.retirer(rpls, retrait.motif(), contexte()));
    }

    @GET
    @Path("/{rpls}/candidats")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response candidats(@PathParam("rpls") String rpls, @QueryParam("limite") String limite) {
        ParametresRecherche p = new ParametresRecherche();
        int n = p.entier("limite", limite, LIMITE_DEFAUT);
        p.verifier();
        return json(rapprochement.rapprocher(rpls, n, contexte()));
    }

    /**
     * Designates candidates: the body is a {@link Designation} ({@code {"candidats": [{"numeroUnique": …, "rang": 1}],
     * "motifMoinsDeTrois": …, "commentaire": …}}); the answer, the dwelling's candidatures.
     */
    @POST
    @Path("/{rpls}/designation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response designer(@PathParam("rpls") String rpls, InputStream body) {
        Designation d = json.lire(body, Designation.class);
        return json(Map.of("candidatures", candidatures.designer(rpls, d, contexte())));
    }

    @GET
    @Path("/{rpls}/candidatures")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response candidatures(@PathParam("rpls") String rpls) {
        return json(Map.of("candidatures", candidatures.candidatures(rpls, contexte())));
    }

    /** The body of a withdrawal. */
    public record Retrait(String motif) {
    }

    private Response json(Object corps) {
        return Response.ok(json.ecrire(corps), MediaType.APPLICATION_JSON).build();
    }

    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
