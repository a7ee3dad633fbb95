package org.registrehub.rest.internal;

import java.util.Comparator;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;
import org.registrehub.api.spi.JsonCodec;

/**
 * {@code /api/v1/health}: {@code 200} when every component is UP, {@code 503} otherwise, with each component's status
 * and a French explanation (for load balancers and administrators).
 */
@Path("/health")
public class SanteResource {

    /** The document returned by the health endpoint. */
    public record Sante(EtatSante.Statut statut, List<EtatSante> composants) {
    }

    private final List<SanteService> composants;
    private final JsonCodec json;

    public SanteResource(List<SanteService> composants, JsonCodec json) {
        this.composants = composants;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response sante() {
        Sante sante = evaluer(composants.stream().map(SanteService::etat).toList());
        return Response.status(sante.statut() == EtatSante.Statut.UP ? 200 : 503)
                .type(MediaType.APPLICATION_JSON).entity(json.ecrire(sante)).build();
    }

    static Sante evaluer(List<EtatSante> etats) {
        List<EtatSante> tries = etats.stream().sorted(Comparator.comparing(EtatSante::composant)).toList();
        if (tries.isEmpty()) {
            return new Sante(EtatSante.Statut.STARTING, tries);
        }
        boolean down = tries.stream().anyMatch(e -> e.statut() == EtatSante.Statut.DOWN);
        boolean starting = tries.stream().anyMatch(e -> e.statut() == EtatSante.Statut.STARTING);
        return new Sante(down ? EtatSante.Statut.DOWN : starting ? EtatSante.Statut.STARTING : EtatSante.Statut.UP,
                tries);
    }
}
