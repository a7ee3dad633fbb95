package org.registrehub.routes.departemental.internal;

import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;

/**
 * Component {@code fichiers-departementaux}: UP once the context and its routes (the watched drop folder, the resume
 * of interrupted imports, the daily extract) are started.
 */
public class SanteDepartementale implements SanteService {

    static final String COMPOSANT = "fichiers-departementaux";

    private final CamelContext camel;
    private final String depot;
    private final Instant depuis = Instant.now();

    public SanteDepartementale(CamelContext camel, String depot) {
        this.camel = camel;
        this.depot = depot;
    }

    @Override
    public EtatSante etat() {
        List<String> arretees = camel.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> !camel.getRouteController().getRouteStatus(id).isStarted()).toList();
        return EtatSante.routes(COMPOSANT, camel.getStatus().isStarted(), camel.getStatus().name(), arretees,
                "dépôt surveillé " + depot + ", extrait quotidien programmé", depuis);
    }
}
