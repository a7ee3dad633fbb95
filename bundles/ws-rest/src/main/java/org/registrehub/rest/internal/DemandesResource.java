package org.registrehub.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.registrehub.api.AttestationService;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.Tri;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.AuthentificationFiltre;
import org.registrehub.rest.commun.ParametresRecherche;
import org.registrehub.rest.commun.Probleme;
import org.registrehub.rest.commun.VersionRequiseException;

/**
 * {@code /api/v1/demandes}: registration, consultation and life cycle. Every response that carries a demand has an
 * {@code ETag} (its version); every change requires {@code If-Match} with that value, so that two guichets never
 * overwrite each other ({@code 412} when the demand changed meanwhile, {@code 428} when the header is missing).
 */
@Path("/demandes")
public class DemandesResource {

    private final RegistreService registre;
    private final List<AttestationService> attestations;
    private final JsonCodec json;

    @Context
    private SecurityContext securite;

    /** @param attestations the attestation services installed (none without the registre-attestation feature) */
    public DemandesResource(RegistreService registre, List<AttestationService> attestations, JsonCodec json) {
        this.registre = registre;
        this.attestations = attestations;
        this.json = json;
    }

    /** Registers a demand: {@code 201 Created}, {@code Location} of the new demand and the demand as body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response enregistrer(InputStream body, @Context UriInfo uriInfo) {
        NouvelleDemande saisie = json.lire(body, NouvelleDemande.class);
        Demande demande = registre.enregistrer(saisie, contexte());
        URI location = uriInfo.getAbsolutePathBuilder().path(demande.numeroUnique()).build();
        return reponse(Response.created(location), demande);
    }

    /**
     * Searches demands: {@code ?nom=le goff&commune=44109&statut=ACTIVE&page=0&taille=20&tri=dateDepot&ordre=desc}.
     * Criteria: numeroUnique (beginning), nom, prenom (beginning, accents and case ignored), dateNaissance, commune,
     * territoire, guichet, statut, typologie, depotDu, depotAu, validiteDu, validiteAu (AAAA-MM-JJ).
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response rechercher(@QueryParam("numeroUnique") String numeroUnique, @QueryParam("nom") String nom,
                               @QueryParam("prenom") String prenom, @QueryParam("dateNaissance") String dateNaissance,
                               @QueryParam("commune") String commune, @QueryParam("territoire") String territoire,
                               @QueryParam("guichet") String guichet,
                               @QueryParam("statut") String statut, @QueryParam("typologie") String typologie,
                               @QueryParam("depotDu") String depotDu, @QueryParam("depotAu") String depotAu,
                               @QueryParam("validiteDu") String validiteDu, @QueryParam("validiteAu") String validiteAu,
                               @QueryParam("page") String page, @QueryParam("taille") String taille,
                               @QueryParam("tri") String tri, @QueryParam("ordre") String ordre) {
        ParametresRecherche p = new ParametresRecherche();
        CriteresRecherche criteres = new CriteresRecherche(p.texte(numeroUnique), p.texte(nom), p.texte(prenom),
                p.date("dateNaissance", dateNaissance), p.texte(commune), p.texte(territoire),
                p.valeur("statut", statut, Statut.class), p.typologie(typologie), p.date("depotDu", depotDu),
                p.date("depotAu", depotAu), p.date("validiteDu", validiteDu), p.date("validiteAu", validiteAu),
                p.texte(guichet));
        Tri ordreResultats = p.tri(tri, ordre);
        int numeroPage = p.entier("page", page, 0);
        int taillePage = p.entier("taille", taille, 20);
        p.verifier();
        return Response.ok(json.ecrire(registre.rechercher(criteres, ordreResultats, numeroPage, taillePage, contexte())),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{numeroUnique}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response consulter(@PathParam("numeroUnique") String numeroUnique) {
        Demande demande = registre.consulter(numeroUnique, contexte())
                .orElseThrow(() -> new DemandeIntrouvableException(numeroUnique));
        return reponse(Response.ok(), demande);
    }

    /** Replaces the dossier ({@code If-Match} required). */
    @PUT
    @Path("/{numeroUnique}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response modifier(@PathParam("numeroUnique") String numeroUnique,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        long version = version(ifMatch);
        Dossier dossier = json.lire(body, Dossier.class);
        return reponse(Response.ok(), registre.modifier(numeroUnique, version, dossier, contexte()));
    }

    /** Renews for one more year; the body, optional, is the updated dossier. */
    @POST
    @Path("/{numeroUnique}/renouvellement")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response renouveler(@PathParam("numeroUnique") String numeroUnique,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) throws IOException {
        long version = version(ifMatch);
        PushbackInputStream flux = new PushbackInputStream(body == null ? InputStream.nullInputStream() : body);
        int premier = flux.read();
        Dossier dossier = null;
        if (premier >= 0) {
            flux.unread(premier);
            dossier = json.lire(flux, Dossier.class);
        }
        return reponse(Response.ok(), registre.renouveler(numeroUnique, version, dossier, contexte()));
    }

    @POST
    @Path("/{numeroUnique}/radiation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response radier(@PathParam("numeroUnique") String numeroUnique,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        long version = version(ifMatch);
        DemandeRadiation radiation;
        try {
            radiation = json.lire(body, DemandeRadiation.class);
        } catch (DemandeInvalideException e) {
            // The body is the radiation: its fields are named as the rules name them on every channel.
            throw new DemandeInvalideException(e.getErreurs().stream()
                    .map(x -> new ErreurChamp(x.champ() == null || x.champ().isEmpty() ? "radiation"
                            : "radiation." + x.champ(), x.regle(), x.valeurRejetee(), x.message()))
                    .toList());
        }
        return reponse(Response.ok(), registre.radier(numeroUnique, version, radiation, contexte()));
    }

    @POST
    @Path("/{numeroUnique}/reactivation")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response reactiver(@PathParam("numeroUnique") String numeroUnique,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return reponse(Response.ok(), registre.reactiver(numeroUnique, version(ifMatch), contexte()));
    }

    /** The attestation d'enregistrement of an active demand, in PDF. */
    @GET
    @Path("/{numeroUnique}/attestation")
    @Produces({AttestationService.MEDIA_TYPE, Probleme.MEDIA_TYPE})
    public Response attestation(@PathParam("numeroUnique") String numeroUnique) {
        byte[] pdf = AttestationService.parmi(attestations).attestation(numeroUnique, contexte());
        return Response.ok(pdf, AttestationService.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"attestation-" + numeroUnique.strip() + ".pdf\"")
                .build();
    }

    /** The landlords' follow-up of the demand: propositions, CAL decisions, renunciations (oldest first). */
    @GET
    @Path("/{numeroUnique}/suivi")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response suivi(@PathParam("numeroUnique") String numeroUnique) {
        return Response.ok(json.ecrire(attributions.suivi(numeroUnique, contexte())), MediaType.APPLICATION_JSON)
                .build();
    }

    private org.registrehub.api.AttributionService attributions;

    public void setAttributionService(org.registrehub.api.AttributionService attributions) {
        this.attributions = attributions;
    }

    @GET
    @Path("/{numeroUnique}/historique")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response historique(@PathParam("numeroUnique") String numeroUnique) {
        return Response.ok(json.ecrire(registre.historique(numeroUnique, contexte())), MediaType.APPLICATION_JSON).build();
    }

    private Response reponse(Response.ResponseBuilder builder, Demande demande) {
        return builder.type(MediaType.APPLICATION_JSON).tag(etag(demande)).entity(json.ecrire(demande)).build();
    }

    static EntityTag etag(Demande demande) {
        return new EntityTag(String.valueOf(demande.version()));
    }

    /** The version in {@code If-Match}: {@code "3"}, {@code W/"3"} or {@code 3}. */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiseException();
        }
        String valeur = ifMatch.strip();
        if (valeur.startsWith("W/")) {
            valeur = valeur.substring(2);
        }
        valeur = valeur.replace("\"", "");
        try {
            long version = Long.parseLong(valeur);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DemandeInvalideException(List.of(new ErreurChamp("If-Match", "format", ifMatch,
                "version attendue : l'ETag reçu en lisant la demande, par exemple \"3\"")));
    }

    /** Who acts: the identity the authentication filter put in the security context. */
    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
