package org.registrehub.routes.renouvellement.internal;

import java.time.Instant;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EtatSante.Statut;
import org.registrehub.api.SanteService;

/**
 * Component {@code campagne-renouvellement}: UP once the campaign's timer route is started (the campaign service is
 * then published too: the console's {@code registre:campaign-*} and the renewal page can use it).
 */
public class SanteCampagne implements SanteService {

    static final String COMPOSANT = "campagne-renouvellement";

    private final CamelContext camel;
    private final ReglagesCampagne reglages;
    private final Instant depuis = Instant.now();

    public SanteCampagne(CamelContext camel, ReglagesCampagne reglages) {
        this.camel = camel;
        this.reglages = reglages;
    }

    @Override
    public EtatSante etat() {
        long demarrees = camel.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> camel.getRouteController().getRouteStatus(id).isStarted()).count();
        boolean prete = camel.getStatus().isStarted() && demarrees == camel.getRoutes().size();
        return new EtatSante(COMPOSANT, prete ? Statut.UP : Statut.STARTING, prete
                ? "campagne quotidienne à " + reglages.heure() + " (" + reglages.zone() + ")"
                : "route de la campagne en démarrage (contexte " + camel.getStatus() + ", " + demarrees + " route(s)"
                + " démarrée(s) sur " + camel.getRoutes().size() + ")", depuis);
    }
}
