package org.registrehub.api.statistiques;

import java.util.Map;

/**
 * The data-quality indicators of one guichet's pending demands.
 *
 * @param guichet the guichet code ({@code TOTAL})
 * @param actives its pending demands
 * @param valeurs demands concerned, for every indicator (in the order of {@link IndicateurQualite})
 */
public record LigneQualite(String guichet, long actives, Map<IndicateurQualite, Long> valeurs) {

    public LigneQualite {
        Map<IndicateurQualite, Long> dansLOrdre = new java.util.EnumMap<>(IndicateurQualite.class);
        dansLOrdre.putAll(valeurs);
        valeurs = java.util.Collections.unmodifiableMap(dansLOrdre);
    }

    public long valeur(IndicateurQualite i) {
        return valeurs.getOrDefault(i, 0L);
    }

    /** In percent of the guichet's pending demands. */
    public double part(IndicateurQualite i) {
        return actives == 0 ? 0 : 100.0 * valeur(i) / actives;
    }
}
