package org.registrehub.api.statistiques;

import java.time.YearMonth;

/**
 * The flows of one month.
 *
 * @param radiations every reason, attributions included
 */
public record LigneMensuelle(YearMonth mois, long nouvelles, long renouvellements, long radiations,
                             long attributions, long reactivees) {
}
