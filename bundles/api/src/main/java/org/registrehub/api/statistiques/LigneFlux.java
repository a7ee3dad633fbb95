package org.registrehub.api.statistiques;

/**
 * The stock and flows of one group over a period. Always {@code stockFin = stockDebut + entrees() - sorties()}: the
 * entries are the new demands, the demands taken over from a departmental file by an import (reprises) and the
 * reactivations, the exits the radiations (five reasons); by commune or EPCI, the demands whose first wished commune
 * moved in or out of the group count too (zero at the département level and above).
 *
 * @param code               the group's code (région, département, EPCI, commune or guichet; {@code TOTAL})
 * @param stockDebut         active demands at the start of the first day
 * @param nouvelles          demands registered during the period (by a guichet, online, by the national register)
 * @param reprises           demands brought in by a departmental import during the period (on the import day)
 * @param reactivees         demands reactivated during the period
 * @param transfertsEntrants demands whose first wished commune moved into the group (commune, EPCI)
 * @param transfertsSortants demands whose first wished commune moved out of the group (commune, EPCI)
 * @param stockFin           active demands at the end of the last day
 */
public record LigneFlux(String code, long stockDebut, long nouvelles, long reprises, long reactivees, long abandon,
                        long attribution, long irrecevabilite, long nonRenouvellement, long nonReponse,
                        long transfertsEntrants, long transfertsSortants, long stockFin) {

    /** A line without reprises (API 1.2). */
    public LigneFlux(String code, long stockDebut, long nouvelles, long reactivees, long abandon, long attribution,
                     long irrecevabilite, long nonRenouvellement, long nonReponse, long transfertsEntrants,
                     long transfertsSortants, long stockFin) {
        this(code, stockDebut, nouvelles, 0, reactivees, abandon, attribution, irrecevabilite, nonRenouvellement,
                nonReponse, transfertsEntrants, transfertsSortants, stockFin);
    }

    /** The radiations of the period, every reason. */
    public long radiations() {
        return abandon + attribution + irrecevabilite + nonRenouvellement + nonReponse;
    }

    /** What entered the group's stock: new demands, reprises, reactivations, moves in. */
    public long entrees() {
        return nouvelles + reprises + reactivees + transfertsEntrants;
    }

    /** What left it: radiations and moves out. */
    public long sorties() {
        return radiations() + transfertsSortants;
    }

    /** Whether the identity of the table holds for this line. */
    public boolean equilibree() {
        return stockFin == stockDebut + entrees() - sorties();
    }

    LigneFlux plus(LigneFlux o) {
        return new LigneFlux(code, stockDebut + o.stockDebut, nouvelles + o.nouvelles, reprises + o.reprises,
                reactivees + o.reactivees,
                abandon + o.abandon, attribution + o.attribution, irrecevabilite + o.irrecevabilite,
                nonRenouvellement + o.nonRenouvellement, nonReponse + o.nonReponse,
                transfertsEntrants + o.transfertsEntrants, transfertsSortants + o.transfertsSortants,
                stockFin + o.stockFin);
    }
}
