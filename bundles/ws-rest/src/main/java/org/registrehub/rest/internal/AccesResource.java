package org.registrehub.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.registrehub.api.acces.AccesService;
import org.registrehub.api.acces.AuditService;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.AuthentificationFiltre;
import org.registrehub.rest.commun.ParametresRecherche;
import org.registrehub.rest.commun.Probleme;

/**
 * Access management ({@code /api/v1/acces/...}) and the audit trail ({@code /api/v1/audit}), for gestionnaires (within
 * their territories) and administrators. The rules are the services'; this resource only reads and writes JSON.
 */
@Path("/")
public class AccesResource {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Body of {@code POST /acces/organisations}. */
    public record NouvelleOrganisation(String code, TypeOrganisation type, String nom, String guichet,
                                       List<String> territoires, String adresse, String horaires) {
    }

    /** Body of {@code PUT /acces/organisations/{code}/coordonnees}: what the public directory shows. */
    public record Coordonnees(String adresse, String horaires) {
    }

    /** Body of {@code POST /acces/utilisateurs}; without a password, one is generated and returned once. */
    public record NouvelUtilisateur(String identifiant, String nom, String organisation, List<String> roles,
                                    String motDePasse) {
    }

    /** Body, optional, of {@code PUT /acces/utilisateurs/{identifiant}/mot-de-passe}. */
    public record NouveauMotDePasse(String motDePasse) {
    }

    private final AccesService acces;
    private final AuditService audit;
    private final JsonCodec json;

    @Context
    private SecurityContext securite;

    public AccesResource(AccesService acces, AuditService audit, JsonCodec json) {
        this.acces = acces;
        this.audit = audit;
        this.json = json;
    }

    @GET
    @Path("acces/organisations")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response organisations() {
        return ok(acces.organisations(contexte()));
    }

    @POST
    @Path("acces/organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response creerOrganisation(InputStream corps, @Context UriInfo uri) {
        NouvelleOrganisation o = json.lire(corps, NouvelleOrganisation.class);
        if ((o.adresse() != null || o.horaires() != null) && (vide(o.adresse()) || vide(o.horaires()))) {
            // checked before anything is written: the organisation is created with its coordinates or not at all
            throw new DemandeInvalideException(List.of(new ErreurChamp(vide(o.adresse()) ? "adresse" : "horaires",
                    "obligatoire", null, "adresse et horaires vont ensemble (annuaire des guichets)")));
        }
        Organisation creee = acces.creerOrganisation(new Organisation(o.code(), o.type(), o.nom(), o.guichet(), true,
                o.territoires() == null ? Set.of() : new TreeSet<>(o.territoires())), contexte());
        if (o.adresse() != null || o.horaires() != null) {
            acces.changerCoordonnees(creee.code(), o.adresse(), o.horaires(), contexte());
        }
        URI location = uri.getBaseUriBuilder().path("acces/organisations").path(creee.code()).build();
        return Response.created(location).type(MediaType.APPLICATION_JSON).entity(json.ecrire(creee)).build();
    }

    @PUT
    @Path("acces/organisations/{code}/territoires/{territoire}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response accorder(@PathParam("code") String code, @PathParam("territoire") String territoire) {
        return ok(acces.accorderTerritoire(code, territoire, contexte()));
    }

    @DELETE
    @Path("acces/organisations/{code}/territoires/{territoire}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response retirer(@PathParam("code") String code, @PathParam("territoire") String territoire) {
        return ok(acces.revoquerTerritoire(code, territoire, contexte()));
    }

    @PUT
    @Path("acces/organisations/{code}/coordonnees")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response coordonnees(@PathParam("code") String code, InputStream corps) {
        Coordonnees c = json.lire(corps, Coordonnees.class);
        return ok(acces.changerCoordonnees(code, c.adresse(), c.horaires(), contexte()));
    }

    /** Body of {@code POST /acces/epci}: an EPCI and its member communes. */
    public record NouvelEpci(String code, String nom, List<String> communes) {
    }

    @POST
    @Path("acces/epci")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response definirEpci(InputStream corps) {
        NouvelEpci e = json.lire(corps, NouvelEpci.class);
        return ok(acces.definirEpci(new org.registrehub.api.acces.Epci(e.code(), e.nom(),
                e.communes() == null ? Set.of() : new TreeSet<>(e.communes())), contexte()));
    }

    @GET
    @Path("acces/utilisateurs")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response utilisateurs(@QueryParam("organisation") String organisation) {
        return ok(acces.utilisateurs(organisation == null || organisation.isBlank() ? null : organisation.strip(),
                contexte()));
    }

    @POST
    @Path("acces/utilisateurs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response creerUtilisateur(InputStream corps, @Context UriInfo uri) {
        NouvelUtilisateur u = json.lire(corps, NouvelUtilisateur.class);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<ErreurChamp> erreurs = new ArrayList<>();
        List<String> demandes = u.roles() == null ? List.of() : u.roles();
        for (int i = 0; i < demandes.size(); i++) {
            String r = demandes.get(i);
            int indice = i;
            Role.parse(r).ifPresentOrElse(roles::add, () -> erreurs.add(new ErreurChamp("roles[" + indice
                    + "]", "valeur", r, "rôle attendu : guichet, bailleur, gestionnaire, observateur ou admin")));
        }
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
        AccesService.CompteCree cree = acces.creerUtilisateur(u.identifiant(), u.nom(), u.organisation(), roles,
                u.motDePasse(), contexte());
        URI location = uri.getBaseUriBuilder().path("acces/utilisateurs").path(cree.utilisateur().identifiant())
                .build();
        return Response.created(location).type(MediaType.APPLICATION_JSON).entity(json.ecrire(cree)).build();
    }

    @POST
    @Path("acces/utilisateurs/{identifiant}/desactivation")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response desactiver(@PathParam("identifiant") String identifiant) {
        return ok(acces.desactiverUtilisateur(identifiant, contexte()));
    }

    @POST
    @Path("acces/utilisateurs/{identifiant}/reactivation")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response reactiver(@PathParam("identifiant") String identifiant) {
        return ok(acces.reactiverUtilisateur(identifiant, contexte()));
    }

    @PUT
    @Path("acces/utilisateurs/{identifiant}/mot-de-passe")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response motDePasse(@PathParam("identifiant") String identifiant, InputStream corps) throws Exception {
        byte[] octets = corps == null ? new byte[0] : corps.readAllBytes();
        String choisi = octets.length == 0 ? null
                : json.lire(new java.io.ByteArrayInputStream(octets), NouveauMotDePasse.class).motDePasse();
        return ok(acces.changerMotDePasse(identifiant, choisi, contexte()));
    }

    /**
     * The audit trail, most recent first: {@code ?acteur=&organisation=&numeroUnique=&operation=&territoire=
     * &du=AAAA-MM-JJ&au=AAAA-MM-JJ&page=0&taille=50} (days in Paris time, {@code au} included).
     */
    @GET
    @Path("audit")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response audit(@QueryParam("acteur") String acteur, @QueryParam("organisation") String organisation,
                          @QueryParam("numeroUnique") String numeroUnique, @QueryParam("operation") String operation,
                          @QueryParam("territoire") String territoire, @QueryParam("du") String du,
                          @QueryParam("au") String au, @QueryParam("page") String page,
                          @QueryParam("taille") String taille) {
        ParametresRecherche p = new ParametresRecherche();
        LocalDate debut = p.date("du", du);
        LocalDate fin = p.date("au", au);
        int numeroPage = p.entier("page", page, 0);
        int taillePage = p.entier("taille", taille, 50);
        p.verifier();
        CriteresAudit c = new CriteresAudit(p.texte(acteur), p.texte(organisation), p.texte(numeroUnique),
                p.texte(operation) == null ? null : p.texte(operation).toUpperCase(), p.texte(territoire),
                debut == null ? null : debut.atStartOfDay(PARIS).toInstant(),
                fin == null ? null : fin.plusDays(1).atStartOfDay(PARIS).toInstant());
        return ok(audit.rechercher(c, numeroPage, taillePage, contexte()));
    }

    private static boolean vide(String s) {
        return s == null || s.isBlank();
    }

    private Response ok(Object corps) {
        return Response.ok(json.ecrire(corps), MediaType.APPLICATION_JSON).build();
    }

    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
