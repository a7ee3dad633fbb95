package org.registrehub.api.statistiques;

import java.time.LocalDate;

import org.registrehub.api.Contexte;

/**
 * The Infocentre: aggregated figures of the register, exact at any past date (computed from the movements of the
 * history, not from snapshots). Open to every role, the observateur included: nothing nominative comes out.
 */
public interface StatistiquesService {

    /**
     * The stock and flow table from {@code debut} to {@code fin} included.
     *
     * @throws org.registrehub.api.DemandeInvalideException for a period that is not one (field {@code debut} or
     *                                                      {@code fin} named)
     */
    TableauFlux flux(LocalDate debut, LocalDate fin, Granularite granularite, Contexte contexte);

    /** The active demands at the end of {@code jour}, by group. */
    TableauFlux stock(LocalDate jour, Granularite granularite, Contexte contexte);
}
