package org.registrehub.api.statistiques;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/**
 * The data-quality indicators of a month, as photographed at its end (the current month: its latest photograph).
 *
 * @param mois    the month
 * @param actives pending demands then
 * @param valeurs demands concerned by each indicator (null: masked under the statistical secret)
 * @since 1.6.0
 */
public record PointQualite(YearMonth mois, long actives, Map<IndicateurQualite, Long> valeurs) {
    public PointQualite {
        Map<IndicateurQualite, Long> m = new EnumMap<>(IndicateurQualite.class);
        m.putAll(valeurs);
        valeurs = java.util.Collections.unmodifiableMap(m);
    }

    /** The share of pending demands concerned, in percent; null when masked or without demands. */
    public Double part(IndicateurQualite i) {
        Long v = valeurs.get(i);
        return v == null || actives == 0 ? null : v * 100.0 / actives;
    }
}
