package org.registrehub.api.statistiques;

import java.time.YearMonth;

/**
 * The flows of one month.
 *
 * @param nouvelles  demands filed during the month
 * @param reprises   demands brought in by a departmental import during the month
 * @param radiations every reason, attributions included
 */
public record LigneMensuelle(YearMonth mois, long nouvelles, long reprises, long renouvellements, long radiations,
                             long attributions, long reactivees) {

    /** A month without reprises (API 1.2). */
    public LigneMensuelle(YearMonth mois, long nouvelles, long renouvellements, long radiations, long attributions,
                          long reactivees) {
        this(mois, nouvelles, 0, renouvellements, radiations, attributions, reactivees);
    }
}
