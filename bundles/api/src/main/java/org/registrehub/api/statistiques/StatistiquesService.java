package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.registrehub.api.Contexte;

/**
 * The Infocentre: aggregated figures of the register, exact at any past date (computed from the movements of the
 * history, not from snapshots). Open to every role, the observateur included: nothing nominative comes out.
 * Bad parameters raise {@link org.registrehub.api.DemandeInvalideException} naming the parameter.
 */
@ProviderType
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

    /** The demands pending today broken down by {@code dimension}, by group. */
    Repartition repartition(Dimension dimension, Granularite granularite, Contexte contexte);

    /**
     * The same breakdown for each of {@code dimensions}, in their order (a report's: the service may read the pending
     * demands once for several of them).
     */
    default List<Repartition> repartitions(List<Dimension> dimensions, Granularite granularite, Contexte contexte) {
        return dimensions.stream().map(d -> repartition(d, granularite, contexte)).toList();
    }

    /** The demands pending today above the délai anormalement long, by département and first wished typology. */
    TableauDelais delaisAnormalementLongs(Contexte contexte);

    /** The attributions of the period: délai moyen de satisfaction and share within one year, by group. */
    TableauSatisfaction satisfaction(LocalDate debut, LocalDate fin, Granularite granularite, Contexte contexte);

    /** New demands, renewals, radiations and attributions month by month; {@code departement} null for all. */
    SerieMensuelle serieMensuelle(LocalDate debut, LocalDate fin, String departement, Contexte contexte);

    /** The data-quality indicators of the pending demands, by guichet. */
    TableauQualite qualite(Contexte contexte);

    /**
     * The data-quality indicators month by month (photographs kept by the service), with the targets.
     *
     * @param guichet a guichet the caller reads, or null for every one it reads, summed
     * @throws org.registrehub.api.DemandeInvalideException a period that is not one, a guichet code malformed
     * @throws org.registrehub.api.AccesRefuseException     a guichet the caller does not read
     * @since 1.6.0
     */
    TendanceQualite tendanceQualite(String guichet, java.time.YearMonth debut, java.time.YearMonth fin,
                                    Contexte contexte);

    /**
     * Sets (or, with null, removes) the target of an indicator in a département: the share of pending demands it
     * should not exceed, 0 to 100 percent. A gestionnaire of that département; audited. Returns the département's
     * targets.
     *
     * @since 1.6.0
     */
    java.util.Map<IndicateurQualite, java.math.BigDecimal> definirCibleQualite(String territoire,
                                                                              IndicateurQualite indicateur,
                                                                              java.math.BigDecimal cible,
                                                                              Contexte contexte);

    /**
     * The satisfied demands of the period (radiated for attribution) broken down by {@code dimension}, by group.
     *
     * @throws org.registrehub.api.DemandeInvalideException a period that is not one, a missing dimension
     */
    TableauAttributions attributions(LocalDate debut, LocalDate fin, Granularite granularite,
                                     DimensionAttribution dimension, Contexte contexte);

    /**
     * The same table for each of {@code dimensions}, in their order (a report's: the service may read the period's
     * attributions once for all of them).
     */
    default List<TableauAttributions> attributions(LocalDate debut, LocalDate fin, Granularite granularite,
                                                   List<DimensionAttribution> dimensions, Contexte contexte) {
        return dimensions.stream().map(d -> attributions(debut, fin, granularite, d, contexte)).toList();
    }

    /** Pending demands at the end of the period per attribution of the period, by commune (first wished). */
    TableauPression pression(LocalDate debut, LocalDate fin, Contexte contexte);

    /** The accords collectifs' targets of a year and what is achieved, for the caller's départements. */
    java.util.List<LigneAccord> accords(int annee, Contexte contexte);

    /**
     * Declares (or replaces) a landlord's target for a year in a département: gestionnaire of that département;
     * audited.
     *
     * @throws org.registrehub.api.DemandeInvalideException a field out of its rule, named
     * @throws org.registrehub.api.AccesRefuseException     not a gestionnaire of the département
     */
    LigneAccord definirAccord(String territoire, String bailleur, int annee, long objectif, Contexte contexte);
}
