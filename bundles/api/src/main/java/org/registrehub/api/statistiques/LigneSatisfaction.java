package org.registrehub.api.statistiques;

/**
 * The attributions of one group over a period.
 *
 * @param code             the group's code ({@code TOTAL})
 * @param attributions     demands radiated for attribution during the period
 * @param joursCumules     sum over those demands of the days from filing to attribution
 * @param satisfaitesEnUnAn those attributed less than one year after their filing
 */
public record LigneSatisfaction(String code, long attributions, long joursCumules, long satisfaitesEnUnAn) {

    /** The délai moyen de satisfaction in months (days / 30.4375); 0 without attribution. */
    public double delaiMoyenMois() {
        return attributions == 0 ? 0 : joursCumules / 30.4375 / attributions;
    }

    /** The share satisfied within one year, in percent. */
    public double partEnUnAn() {
        return attributions == 0 ? 0 : 100.0 * satisfaitesEnUnAn / attributions;
    }
}
