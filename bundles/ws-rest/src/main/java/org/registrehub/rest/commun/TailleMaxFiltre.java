package org.registrehub.rest.commun;

import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

import org.registrehub.api.spi.FluxLimite;
import org.registrehub.api.spi.JsonCodec;

/**
 * Refuses request bodies above the configured size with {@code 413} and nothing read further: at once when the
 * {@code Content-Length} says so, and while reading when the body comes in chunks without a length.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class TailleMaxFiltre implements ContainerRequestFilter {

    static final String CODE = "REQUETE_TROP_VOLUMINEUSE";

    private final long tailleMax;
    private final JsonCodec json;

    public TailleMaxFiltre(long tailleMax, JsonCodec json) {
        this.tailleMax = tailleMax;
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext requete) {
        int annoncee = requete.getLength();
        if (annoncee > tailleMax) {
            requete.abortWith(refus(annoncee, requete.getUriInfo().getRequestUri().getPath()));
            return;
        }
        if (requete.hasEntity()) {
            requete.setEntityStream(new FluxLimite(requete.getEntityStream(), tailleMax,
                    () -> new TropVolumineuse(tailleMax)));
        }
    }

    /** Raised while reading a body that turns out too large; the problem mapper answers 413. */
    static final class TropVolumineuse extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TropVolumineuse(long tailleMax) {
            super(detail(-1, tailleMax));
        }
    }

    static String detail(long taille, long tailleMax) {
        return "Le corps de la requête" + (taille >= 0 ? " fait " + taille + " octets ; il" : "") + " dépasse la"
                + " limite de " + tailleMax + " octets du registre (requete.tailleMaxOctets) ; rien n'a été"
                + " enregistré.";
    }

    private Response refus(long taille, String chemin) {
        Probleme probleme = new Probleme(Probleme.type(CODE), "Requête trop volumineuse", 413,
                detail(taille, tailleMax), chemin, CODE, List.of());
        return Response.status(413).type(Probleme.MEDIA_TYPE).entity(json.ecrire(probleme)).build();
    }
}
