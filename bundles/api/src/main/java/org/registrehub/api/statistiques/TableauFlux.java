package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/**
 * The stock and flow table of a period, one line per group with something in it (by code), from {@code debut} to
 * {@code fin} included (Paris days).
 */
public record TableauFlux(LocalDate debut, LocalDate fin, Granularite granularite, List<LigneFlux> lignes) {

    public TableauFlux {
        lignes = List.copyOf(lignes);
    }

    /** Every group together (moves between communes cancel out at the département level and above). */
    public LigneFlux total() {
        return lignes.stream().reduce(new LigneFlux("TOTAL", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), LigneFlux::plus);
    }
}
