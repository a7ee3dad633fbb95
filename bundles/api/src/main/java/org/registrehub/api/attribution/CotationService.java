package org.registrehub.api.attribution;

import java.util.List;
import java.util.Optional;

import org.registrehub.api.Contexte;

/**
 * The cotation of the demands (CCH L441-2-8): a grid of published criteria and points per territory, defined by its
 * gestionnaires, versioned and audited; each pending demand's points kept up to date (the demand changes, a DALO
 * decision, a new grid, a month of ancienneté more), with its detail, its position among the similar demands and the
 * average wait of their attributions. An aid to the decision: it ranks the candidates of a dwelling, it never
 * attributes.
 */
public interface CotationService {
    /**
     * Defines a new version of a territory's grid (a gestionnaire of that territory) and scores every pending demand
     * it covers by it.
     *
     * @param territoire département (3 characters) or EPCI (SIREN)
     * @throws org.registrehub.api.DemandeInvalideException for a criterion that breaks a rule, each named
     */
    GrilleCotation definirGrille(String territoire, List<CritereCotation> criteres, Contexte contexte);

    /** The grid in force on a territory (published: every authenticated role reads it). */
    Optional<GrilleCotation> grille(String territoire, Contexte contexte);

    /** Every version of a territory's grid, the latest first. */
    List<GrilleCotation> versions(String territoire, Contexte contexte);

    /** A demand's cotation, position and the wait of similar demands (a nominative read: audited). */
    CotationDemande cotation(String numeroUnique, Contexte contexte);

    /**
     * The daily update is due: its hour has come ({@code cotation.heure}) and today's has not run, or a grid is not
     * applied yet.
     */
    boolean echue();

    /**
     * Brings the points of ancienneté up to date (the demands whose filing has its monthly anniversary since the last
     * update) and finishes applying any grid whose application was interrupted; once for the cluster (a lease).
     *
     * @return demands whose points changed
     */
    long mettreAJour(Contexte contexte);
}
