package org.registrehub.api.statistiques;

/**
 * A target of an accord collectif: the priority households (DALO or a legal priority category of the dossier) a
 * landlord is to house in a département in a year, and the attributions made to such households so far.
 *
 * @param realise the landlord's attributions (radiations for attribution naming it) of the year to priority households
 */
public record LigneAccord(String territoire, String bailleur, int annee, long objectif, long realise) {

    /** Share of the target reached, in percent to one decimal (null for a zero target). */
    public Double taux() {
        return objectif == 0 ? null : Math.round(1000.0 * realise / objectif) / 10.0;
    }
}
