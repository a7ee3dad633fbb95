package org.registrehub.rest.attribution.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.attribution.Commission;
import org.registrehub.api.attribution.CommissionService;
import org.registrehub.api.attribution.DecisionCandidat;
import org.registrehub.api.attribution.NotificationsService;
import org.registrehub.api.attribution.PlanCommission;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.rest.commun.AuthentificationFiltre;
import org.registrehub.rest.commun.Probleme;

/**
 * The commissions d'attribution under {@code /api/v1/commissions}: plan a session ({@code POST}, a
 * {@link PlanCommission}), read it with its agenda and candidates' sheets ({@code GET /{id}}), the agenda and the
 * sheets in PDF ({@code /{id}/ordre-du-jour.pdf}, {@code /{id}/fiches.pdf}), record the decisions on a dwelling's
 * candidates ({@code POST /{id}/logements/{rpls}/decisions} with {@code {"decisions": […]}}); what the applicant was
 * told of proposals and decisions ({@code GET /notifications/{numero}}) and the sending of what waits
 * ({@code POST /notifications/envoi}, gestionnaire or admin; a route does it every minute).
 */
@Path("/")
public class CommissionsResource {

    private static final String PDF = "application/pdf";

    private final CommissionService commissions;
    private final NotificationsService notifications;
    private final JsonCodec json;

    @Context
    private SecurityContext securite;

    public CommissionsResource(CommissionService commissions, NotificationsService notifications, JsonCodec json) {
        this.commissions = commissions;
        this.notifications = notifications;
        this.json = json;
    }

    /** The body of the decisions. */
    public record Decisions(List<DecisionCandidat> decisions) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response planifier(InputStream body, @Context UriInfo uriInfo) {
        Commission c = commissions.planifier(json.lire(body, PlanCommission.class), contexte());
        URI location = uriInfo.getAbsolutePathBuilder().path(Long.toString(c.id())).build();
        return Response.created(location).type(MediaType.APPLICATION_JSON).entity(json.ecrire(c)).build();
    }

    /** The sessions the caller reads (a landlord its own, a gestionnaire those of its territories), latest first. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response lister() {
        return Response.ok(json.ecrire(java.util.Map.of("commissions", commissions.commissions(contexte()))),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response commission(@PathParam("id") String id) {
        return Response.ok(json.ecrire(commissions.commission(numero(id), contexte())), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/{id}/ordre-du-jour.pdf")
    @Produces({PDF, Probleme.MEDIA_TYPE})
    public Response ordreDuJour(@PathParam("id") String id) {
        return pdf(commissions.ordreDuJourPdf(numero(id), contexte()), "ordre-du-jour-" + id + ".pdf");
    }

    @GET
    @Path("/{id}/fiches.pdf")
    @Produces({PDF, Probleme.MEDIA_TYPE})
    public Response fiches(@PathParam("id") String id) {
        return pdf(commissions.fichesPdf(numero(id), contexte()), "fiches-" + id + ".pdf");
    }

    @POST
    @Path("/{id}/logements/{rpls}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response decider(@PathParam("id") String id, @PathParam("rpls") String rpls, InputStream body) {
        Decisions d = json.lire(body, Decisions.class);
        return Response.ok(json.ecrire(commissions.decider(numero(id), rpls, d == null ? null : d.decisions(),
                contexte())), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/notifications/{numero}")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response notifications(@PathParam("numero") String numero) {
        return Response.ok(json.ecrire(notifications.notifications(numero, contexte())), MediaType.APPLICATION_JSON)
                .build();
    }

    @POST
    @Path("/notifications/envoi")
    @Produces({MediaType.APPLICATION_JSON, Probleme.MEDIA_TYPE})
    public Response envoyerNotifications() {
        return Response.ok(json.ecrire(notifications.envoyer(contexte())), MediaType.APPLICATION_JSON).build();
    }

    private static long numero(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DemandeInvalideException("La commission", List.of(new ErreurChamp("id", "format", id,
                    "numéro de commission attendu")));
        }
    }

    private static Response pdf(byte[] contenu, String nom) {
        return Response.ok(contenu, PDF).header("Content-Disposition", "inline; filename=\"" + nom + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private Contexte contexte() {
        return new Contexte(AuthentificationFiltre.identite(securite), Canal.REST);
    }
}
