package org.registrehub.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.registrehub.api.FonctionnaliteAbsenteException;

/**
 * What {@code /statistiques}, {@code /logements}, {@code /cotation}, {@code /commissions} and {@code /renouvellement-en-ligne} answer while their capability is not installed:
 * 503 at once, naming the feature to install (a problem document; an HTML page for the applicants' renewal link).
 * When the capability is installed, the {@code registre-rest} feature's {@code <conditional>} installs the resource's own bundle and server ({@code /api/v1/statistiques},
 * {@code /api/v1/renouvellement-en-ligne}), which the CXF servlet prefers to {@code /api/v1} (longest address): these
 * methods are then never reached.
 */
@Path("/")
public class FonctionnalitesAbsentesResource {

    static final String STATISTIQUES = "registre-statistiques";
    static final String CAMPAGNE = "registre-campagne-renouvellement";
    static final String ATTRIBUTION = "registre-attribution";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @GET
    @Path("statistiques{reste:(/.*)?}")
    public Response statistiques(@PathParam("reste") String reste) {
        throw new FonctionnaliteAbsenteException("L'Infocentre", STATISTIQUES);
    }

    @GET
    @Path("commissions{reste:(/.*)?}")
    public Response commissions(@PathParam("reste") String reste) {
        throw new FonctionnaliteAbsenteException("Les commissions d'attribution", ATTRIBUTION);
    }

    @POST
    @Path("commissions{reste:(/.*)?}")
    public Response commissionsEnvoyees(@PathParam("reste") String reste) {
        return commissions(reste);
    }

    @GET
    @Path("cotation{reste:(/.*)?}")
    public Response cotation(@PathParam("reste") String reste) {
        throw new FonctionnaliteAbsenteException("La cotation", ATTRIBUTION);
    }

    @javax.ws.rs.PUT
    @Path("cotation{reste:(/.*)?}")
    public Response cotationEnvoyee(@PathParam("reste") String reste) {
        return cotation(reste);
    }

    @GET
    @Path("logements{reste:(/.*)?}")
    public Response logements(@PathParam("reste") String reste) {
        throw new FonctionnaliteAbsenteException("L'attribution (logements offerts, rapprochement)", ATTRIBUTION);
    }

    @POST
    @Path("logements{reste:(/.*)?}")
    public Response logementsEnvoyes(@PathParam("reste") String reste) {
        return logements(reste);
    }

    /** The renewal page is read by applicants: a page, not a JSON document. */
    @GET
    @Path("renouvellement-en-ligne{reste:(/.*)?}")
    public Response renouvellementEnLigne(@PathParam("reste") String reste) {
        return Response.status(503).type(HTML).header("Cache-Control", "no-store").header("Retry-After", 60)
                .entity("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Renouvellement en"
                        + " ligne indisponible</title></head><body><h1>Renouvellement en ligne indisponible</h1><p>Le"
                        + " service de renouvellement en ligne est indisponible ; réessayez plus tard ou adressez-vous"
                        + " à votre guichet.</p><!-- fonctionnalité " + CAMPAGNE + " absente --></body></html>")
                .build();
    }

    @POST
    @Path("renouvellement-en-ligne{reste:(/.*)?}")
    public Response renouvellementEnLigneEnvoye(@PathParam("reste") String reste) {
        return renouvellementEnLigne(reste);
    }
}
