package org.registrehub.api.renouvellement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.registrehub.api.PersonneACharge;
import org.registrehub.api.RevenuFiscal;

/**
 * The household and resources the applicant confirms or updates on the renewal page.
 *
 * @param montants          the monthly amount of each resource line of the demand, in its order (null: unchanged)
 * @param revenuFiscal      the reference tax income (null: unchanged)
 * @param personnesRetirees indexes (from 0) of the dependents who left the household
 * @param personneAjoutee   a dependent who joined the household, or null
 */
public record MiseAJourEnLigne(List<BigDecimal> montants, RevenuFiscal revenuFiscal, Set<Integer> personnesRetirees,
                               PersonneACharge personneAjoutee) {

    /** The applicant confirms the data as they are. */
    public static MiseAJourEnLigne confirmation() {
        return new MiseAJourEnLigne(null, null, Set.of(), null);
    }
}
