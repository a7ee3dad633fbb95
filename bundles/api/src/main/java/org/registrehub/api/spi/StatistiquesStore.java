package org.registrehub.api.spi;

import java.time.LocalDate;
import java.util.List;

import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneFlux;

/** The statistics' persistence: the movements of the stock, aggregated by group. */
public interface StatistiquesStore {

    /** One line per group that has a movement up to {@code fin}: stock before {@code debut}, flows, stock at {@code fin}. */
    List<LigneFlux> flux(Granularite granularite, LocalDate debut, LocalDate fin);
}
