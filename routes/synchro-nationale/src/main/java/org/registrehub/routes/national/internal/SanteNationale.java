package org.registrehub.routes.national.internal;

import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;
import org.registrehub.api.national.SynchronisationNationale;

/**
 * Component {@code synchro-nationale}: UP once the routes that send the changes and run the daily pulls are started.
 * The national register's own availability (the circuit breaker) is told in the message, not in the status: while it
 * is down the hub keeps serving and the changes wait in the outbox.
 */
public class SanteNationale implements SanteService {

    static final String COMPOSANT = "synchro-nationale";

    private final CamelContext camel;
    private final SynchronisationNationale synchronisation;
    private final Instant depuis = Instant.now();

    public SanteNationale(CamelContext camel, SynchronisationNationale synchronisation) {
        this.camel = camel;
        this.synchronisation = synchronisation;
    }

    @Override
    public EtatSante etat() {
        List<String> arretees = camel.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> !camel.getRouteController().getRouteStatus(id).isStarted()).toList();
        return EtatSante.routes(COMPOSANT, camel.getStatus().isStarted(), camel.getStatus().name(), arretees,
                synchronisation.disponibilite(), depuis);
    }
}
