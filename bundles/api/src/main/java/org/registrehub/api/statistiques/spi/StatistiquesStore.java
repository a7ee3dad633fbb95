package org.registrehub.api.statistiques.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.PlafondsRessources;

/**
 * The statistics' persistence: the movements of the stock (exact at any date, counted by day in a rollup refreshed
 * incrementally) and the statistical dimensions of every demand, aggregated by group.
 */
public interface StatistiquesStore {

    /** One line per group that has a movement up to {@code fin}: stock before {@code debut}, flows, stock at {@code fin}. */
    List<LigneFlux> flux(Granularite granularite, LocalDate debut, LocalDate fin);

    /** Counts the movements not yet in the daily rollup; returns how many (0 when another node is at it). */
    long rafraichir();

    /** The demands pending at {@code jour} by group and modality of {@code dimension} (empty modalities absent). */
    List<EffectifStatistique> repartition(Dimension dimension, Granularite granularite, LocalDate jour,
                                          PlafondsRessources plafonds);

    /**
     * The demands pending at {@code jour} by département and first typology, with those filed at least the threshold
     * ago: {@code seuils} maps {@code "044"} or {@code "044:T5"} to months, {@code defaut} for the others.
     */
    List<LigneDelai> delais(LocalDate jour, Map<String, Integer> seuils, int defaut);

    /** The attributions dated from {@code debut} to {@code fin}, by group. */
    List<LigneSatisfaction> satisfaction(Granularite granularite, LocalDate debut, LocalDate fin);

    /** The months of the period that have a movement ({@code departement} null: every territory). */
    List<LigneMensuelle> serie(LocalDate debut, LocalDate fin, String departement);

    /** The quality indicators of the demands pending at {@code jour}, a line per guichet. */
    List<LigneQualite> qualite(LocalDate jour);

    /** Replaces the month's photograph of the quality indicators by these lines (one per guichet). @since 1.2.0 */
    void photographierQualite(java.time.YearMonth mois, List<LigneQualite> lignes);

    /** The photographs of the months from {@code debut} to {@code fin}, by month then guichet. @since 1.2.0 */
    Map<java.time.YearMonth, List<LigneQualite>> qualiteMensuelle(java.time.YearMonth debut, java.time.YearMonth fin);

    /** The targets of a département's quality indicators (percent). @since 1.2.0 */
    Map<org.registrehub.api.statistiques.IndicateurQualite, java.math.BigDecimal> ciblesQualite(String territoire);

    /** The département a guichet registers demands in (that of one of its demands), if it has any. @since 1.2.0 */
    java.util.Optional<String> territoireDuGuichet(String guichet);

    /** Sets (null: removes) a target, with its audit line, in one transaction. @since 1.2.0 */
    void definirCibleQualite(String territoire, org.registrehub.api.statistiques.IndicateurQualite indicateur,
                             java.math.BigDecimal cible, org.registrehub.api.acces.EntreeAudit audit);

    /**
     * The départements each group of {@code granularite} lies in: a région's départements, the départements of an
     * EPCI's communes (empty for the other granularities, whose code says it).
     */
    Map<String, java.util.Set<String>> departementsDesGroupes(Granularite granularite);

    /** The satisfied demands (radiated for attribution from {@code debut} to {@code fin}) by group and modality. */
    List<EffectifStatistique> attributions(org.registrehub.api.statistiques.DimensionAttribution dimension,
                                           Granularite granularite, LocalDate debut, LocalDate fin,
                                           PlafondsRessources plafonds);

    /**
     * The breakdowns of the pending demands for several dimensions, in the order asked; a store may read the demands
     * once for several of them.
     */
    default Map<Dimension, List<EffectifStatistique>> repartitions(List<Dimension> dimensions,
                                                                   Granularite granularite, LocalDate jour,
                                                                   PlafondsRessources plafonds) {
        Map<Dimension, List<EffectifStatistique>> parDimension = new java.util.LinkedHashMap<>();
        for (Dimension d : dimensions) {
            parDimension.put(d, repartition(d, granularite, jour, plafonds));
        }
        return parDimension;
    }

    /**
     * The same for several dimensions, the tables in the order asked; a store may read the period's attributions once
     * for all of them.
     */
    default Map<org.registrehub.api.statistiques.DimensionAttribution, List<EffectifStatistique>> attributions(
            List<org.registrehub.api.statistiques.DimensionAttribution> dimensions, Granularite granularite,
            LocalDate debut, LocalDate fin, PlafondsRessources plafonds) {
        Map<org.registrehub.api.statistiques.DimensionAttribution, List<EffectifStatistique>> parDimension =
                new java.util.LinkedHashMap<>();
        for (org.registrehub.api.statistiques.DimensionAttribution d : dimensions) {
            parDimension.put(d, attributions(d, granularite, debut, fin, plafonds));
        }
        return parDimension;
    }

    /** The targets of a year with what is achieved. */
    List<org.registrehub.api.statistiques.LigneAccord> accords(int annee);

    /** Declares or replaces a target, with its audit line. */
    void definirAccord(org.registrehub.api.statistiques.LigneAccord accord, org.registrehub.api.acces.EntreeAudit audit);
}
