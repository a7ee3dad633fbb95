package org.registrehub.rest.internal;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteHub;
import org.registrehub.api.spi.JsonCodec;

/**
 * {@code /api/v1/health}: {@code 200} when the hub can serve (every component that the installed features declare is
 * registered and UP: database, realm, broker, routes, channels), {@code 503} otherwise, with each component's status
 * (for load balancers and clients waiting for the hub). Public, hence the status alone: each component's explanation
 * (which may name a JDBC URL or a driver's message) is for the administrators, in the console ({@code registre:sante}).
 */
@Path("/health")
public class SanteResource {

    private final List<SanteHub> sante;
    private final JsonCodec json;

    /** @param sante the hub's health service (a list: empty while the registre-sante bundle restarts) */
    public SanteResource(List<SanteHub> sante, JsonCodec json) {
        this.sante = sante;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response sante() {
        SanteHub.Sante etat = sante.stream().findFirst().map(SanteHub::etat).orElseGet(() -> new SanteHub.Sante(
                EtatSante.Statut.STARTING, List.of(new EtatSante("sante", EtatSante.Statut.STARTING,
                        "le service de santé du hub (fonctionnalité registre-sante) n'est pas démarré",
                        Instant.now()))));
        SanteHub.Sante publique = new SanteHub.Sante(etat.statut(), etat.composants().stream()
                .map(c -> new EtatSante(c.composant(), c.statut(), null, c.depuis())).toList());
        return Response.status(etat.statut() == EtatSante.Statut.UP ? 200 : 503)
                .type(MediaType.APPLICATION_JSON).entity(json.ecrire(publique)).build();
    }
}
