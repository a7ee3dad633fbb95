package org.registrehub.api.statistiques;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality indicators month by month, for one guichet or for every guichet the caller reads, with the
 * targets of its département.
 *
 * @param guichet    the guichet, or null for every guichet the caller reads (summed)
 * @param territoire the département whose targets apply (the guichet's, or the caller's first), null if none
 * @param mois       one point per month of the period that has a photograph, oldest first
 * @param cibles     the target of each indicator that has one: the share (percent) not to exceed
 * @since 1.6.0
 */
public record TendanceQualite(String guichet, String territoire, List<PointQualite> mois,
                              Map<IndicateurQualite, BigDecimal> cibles) {
    public TendanceQualite {
        mois = List.copyOf(mois);
        Map<IndicateurQualite, BigDecimal> m = new EnumMap<>(IndicateurQualite.class);
        m.putAll(cibles);
        cibles = java.util.Collections.unmodifiableMap(m);
    }
}
