package org.registrehub.routes.campagne.internal;

import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;

/**
 * Component {@code campagne-renouvellement}: UP once the campaign's timer route is started (the campaign service is
 * then published too: the console's {@code registre:campagne-*} and the renewal page can use it).
 */
public class SanteCampagne implements SanteService {

    static final String COMPOSANT = "campagne-renouvellement";

    private final CamelContext camel;
    private final String horaire;
    private final Instant depuis = Instant.now();

    public SanteCampagne(CamelContext camel, String heure, String zone) {
        this.camel = camel;
        this.horaire = "campagne quotidienne à " + heure + " (" + zone + ")";
    }

    @Override
    public EtatSante etat() {
        List<String> arretees = camel.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> !camel.getRouteController().getRouteStatus(id).isStarted()).toList();
        return EtatSante.routes(COMPOSANT, camel.getStatus().isStarted(), camel.getStatus().name(), arretees,
                horaire, depuis);
    }
}
