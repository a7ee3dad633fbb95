package org.registrehub.web.commun;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a web application of the hub answers when something unexpected fails: a short French page, never a stack
 * trace; the details go to the hub's log. A JAX-RS error of its own (unknown page, wrong method) keeps its status.
 */
public class PageErreur implements ExceptionMapper<Throwable> {

    public static final String HTML = "text/html;charset=UTF-8";
    private static final Logger LOG = LoggerFactory.getLogger(PageErreur.class);

    private final String base;
    private final String application;
    private final String recours;

    /**
     * @param base        the application's path ({@code /portail})
     * @param application its name in the logs and the page title ({@code Portail})
     * @param recours     what the reader may do if the failure lasts ({@code adressez-vous à un guichet})
     */
    public PageErreur(String base, String application, String recours) {
        this.base = base;
        this.application = application;
        this.recours = recours;
    }

    @Override
    public Response toResponse(Throwable e) {
        int statut = 500;
        String message = "Le service est momentanément indisponible. Réessayez dans quelques minutes ; si le problème"
                + " persiste, " + recours + ".";
        if (e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() < 500) {
            statut = w.getResponse().getStatus();
            message = statut == 404 ? "Cette page n'existe pas." : "Cette requête n'est pas acceptée.";
        } else {
            LOG.error("Erreur de l'application {} : {}", application, e.toString(), e);
        }
        String html = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + application
                + " — erreur</title><link rel=\"stylesheet\" href=\"" + base + "/static/dsfr/dsfr.min.css\"></head>"
                + "<body><main class=\"fr-container fr-py-5w\"><h1>" + (statut == 404 ? "Page introuvable" : "Erreur")
                + "</h1><p>" + message + "</p><p><a class=\"fr-link\" href=\"" + base + "/\">Retour à l'accueil</a>"
                + "</p></main></body></html>";
        return Response.status(statut).type(HTML).entity(html).build();
    }
}
