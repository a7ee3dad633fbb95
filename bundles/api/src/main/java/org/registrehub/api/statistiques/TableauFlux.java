package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/**
 * The stock and flow table of a period, one line per group with something in it (by code), from {@code debut} to
 * {@code fin} included (Paris days).
 *
 * <p>{@code secret}: the cells masked by the secret statistique ({@link Secret#AUCUN} inside the circle).
 */
public record TableauFlux(LocalDate debut, LocalDate fin, Granularite granularite, List<LigneFlux> lignes,
                          Secret secret) {

    public TableauFlux {
        lignes = List.copyOf(lignes);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    /** A table read inside the circle: nothing masked. */
    public TableauFlux(LocalDate debut, LocalDate fin, Granularite granularite, List<LigneFlux> lignes) {
        this(debut, fin, granularite, lignes, Secret.AUCUN);
    }

    /** Every group together (moves between communes cancel out at the département level and above). */
    public LigneFlux total() {
        return lignes.stream().reduce(new LigneFlux("TOTAL", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), LigneFlux::plus);
    }
}
