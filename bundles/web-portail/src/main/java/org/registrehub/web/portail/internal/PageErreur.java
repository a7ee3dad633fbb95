package org.registrehub.web.portail.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the portal answers when something unexpected fails: a short French page, never a stack trace; the details
 * go to the hub's log. A JAX-RS error of its own (unknown page, wrong method) keeps its status.
 */
public class PageErreur implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(PageErreur.class);

    @Override
    public Response toResponse(Throwable e) {
        int statut = 500;
        String message = "Le service est momentanément indisponible. Réessayez dans quelques minutes ; si le problème"
                + " persiste, adressez-vous à un guichet.";
        if (e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() < 500) {
            statut = w.getResponse().getStatus();
            message = statut == 404 ? "Cette page n'existe pas." : "Cette requête n'est pas acceptée.";
        } else {
            LOG.error("Erreur du portail : {}", e.toString(), e);
        }
        String html = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Portail — erreur</title>"
                + "<link rel=\"stylesheet\" href=\"/portail/static/dsfr/dsfr.min.css\"></head><body><main class=\""
                + "fr-container fr-py-5w\"><h1>" + (statut == 404 ? "Page introuvable" : "Erreur") + "</h1><p>"
                + message + "</p><p><a class=\"fr-link\" href=\"/portail/\">Retour à l'accueil</a></p></main></body>"
                + "</html>";
        return Response.status(statut).type(Pages.HTML).entity(html).build();
    }
}
