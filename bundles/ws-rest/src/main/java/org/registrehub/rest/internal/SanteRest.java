package org.registrehub.rest.internal;

import java.time.Instant;
import java.util.List;

import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;

/**
 * Component {@code api-rest}: registered by the Blueprint container only while every mandatory service the resources
 * call is there (Blueprint unregisters it when one goes, e.g. the registration bundle restarting), so that its
 * presence means the REST channel can serve.
 */
public class SanteRest implements SanteService {

    static final String COMPOSANT = "api-rest";

    private final int ressources;
    private final Instant depuis = Instant.now();

    /** @param ressources the JAX-RS resources, whose services this registration depends on */
    public SanteRest(List<Object> ressources) {
        this.ressources = ressources.size();
    }

    @Override
    public EtatSante etat() {
        return new EtatSante(COMPOSANT, EtatSante.Statut.UP, "API REST /api/v1 publiée (" + ressources
                + " ressources, leurs services présents)", depuis);
    }
}
