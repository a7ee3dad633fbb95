package org.registrehub.api.statistiques;

/**
 * The pressure of the demand on one commune (first wished): the demands pending at the end of the period for each
 * attribution of the period.
 *
 * @param enAttente    demands pending at the end of the period
 * @param attributions radiations for attribution during the period
 */
public record LignePression(String commune, long enAttente, long attributions) {

    /** Pending demands per attribution, to one decimal; null without attribution. */
    public Double pression() {
        return attributions == 0 ? null : Math.round(10.0 * enAttente / attributions) / 10.0;
    }
}
