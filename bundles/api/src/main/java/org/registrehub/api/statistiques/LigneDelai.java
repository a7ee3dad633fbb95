package org.registrehub.api.statistiques;

/**
 * The pending demands of a département and first wished typology against its délai anormalement long.
 *
 * @param departement territory code ({@code 044})
 * @param typologie   first wished typology ({@code T3}); {@code TOTAL} for the département's line
 * @param seuilMois   the threshold in months (the département's, or its own for this typology); 0 on a total line
 * @param enAttente   pending demands
 * @param auDela      pending demands filed at least {@code seuilMois} months ago
 */
public record LigneDelai(String departement, String typologie, int seuilMois, long enAttente, long auDela) {

    public double part() {
        return enAttente == 0 ? 0 : 100.0 * auDela / enAttente;
    }
}
