package org.registrehub.statistics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.spi.StatistiquesStore;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauFlux;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stock and flow tables. Every figure is a count of movements (registrations, radiations by reason,
 * reactivations, changes of first wished commune) up to the last day asked for: the stock at a past date is exact,
 * whatever happened since. Aggregated figures only, so every authenticated caller may read them.
 */
@Component(service = StatistiquesService.class)
public class StatistiquesServiceImpl implements StatistiquesService {

    private static final Logger LOG = LoggerFactory.getLogger(StatistiquesServiceImpl.class);
    /** The register's history cannot start before the numéro unique (1999): nothing earlier is asked. */
    static final LocalDate ORIGINE = LocalDate.of(1999, 1, 1);

    private final StatistiquesStore store;

    @Activate
    public StatistiquesServiceImpl(@Reference StatistiquesStore store) {
        this.store = store;
    }

    @Override
    public TableauFlux flux(LocalDate debut, LocalDate fin, Granularite granularite, Contexte contexte) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (debut == null) {
            erreurs.add(new ErreurChamp("debut", "obligatoire", null, "premier jour de la période (AAAA-MM-JJ)"));
        } else if (debut.isBefore(ORIGINE)) {
            erreurs.add(new ErreurChamp("debut", "date", debut.toString(), "à partir du " + ORIGINE));
        }
        if (fin == null) {
            erreurs.add(new ErreurChamp("fin", "obligatoire", null, "dernier jour de la période (AAAA-MM-JJ)"));
        } else if (debut != null && fin.isBefore(debut)) {
            erreurs.add(new ErreurChamp("fin", "periode", fin.toString(), "le dernier jour suit le premier ("
                    + debut + ")"));
        }
        if (granularite == null) {
            erreurs.add(new ErreurChamp("granularite", "obligatoire", null,
                    "REGION, DEPARTEMENT, EPCI, COMMUNE ou GUICHET"));
        }
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
        long t0 = System.nanoTime();
        List<LigneFlux> lignes = store.flux(granularite, debut, fin).stream()
                .filter(l -> l.stockDebut() != 0 || l.stockFin() != 0 || l.entrees() != 0 || l.sorties() != 0)
                .toList();
        LOG.debug("Tableau des flux {} du {} au {} pour {} : {} ligne(s) en {} ms", granularite, debut, fin,
                contexte.acteur(), lignes.size(), (System.nanoTime() - t0) / 1_000_000);
        return new TableauFlux(debut, fin, granularite, lignes);
    }

    @Override
    public TableauFlux stock(LocalDate jour, Granularite granularite, Contexte contexte) {
        TableauFlux t = flux(jour, jour, granularite, contexte);
        return new TableauFlux(jour, jour, granularite, t.lignes().stream().filter(l -> l.stockFin() != 0).toList());
    }
}
