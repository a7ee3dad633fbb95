package org.registrehub.statistiques.internal;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;
import org.registrehub.api.statistiques.RapportStatistiques;
import org.registrehub.api.statistiques.StatistiquesService;

/**
 * Component {@code statistiques}: registered while the tables and the report are (the service is withdrawn for a
 * moment when its configuration changes, and the REST statistics then answer 503).
 */
@Component(service = SanteService.class, property = SanteService.PROPRIETE_COMPOSANT + "="
        + SanteStatistiques.COMPOSANT)
public class SanteStatistiques implements SanteService {

    static final String COMPOSANT = "statistiques";

    private final Instant depuis = Instant.now();

    @Activate
    public SanteStatistiques(@Reference StatistiquesService tableaux, @Reference RapportStatistiques rapport) {
        // the references tie this registration to the services it vouches for
    }

    @Override
    public EtatSante etat() {
        return new EtatSante(COMPOSANT, EtatSante.Statut.UP, "tableaux, exports et rapport disponibles", depuis);
    }
}
