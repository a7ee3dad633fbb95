package org.registrehub.api.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.registrehub.api.Typologie;

/**
 * The matching rules of one territory (configuration {@code org.registrehub.attribution}, a territory's own keys over
 * the defaults).
 *
 * @param territoire        the département
 * @param occupation        per typology, the household sizes it suits (min and max persons)
 * @param tauxEffortMax     highest effort rate, percent
 * @param resteAVivreMin    lowest remaining income per consumption unit, euros a month
 * @param eliminatoires     the criteria that exclude a demand that fails them (the others are shown only)
 * @param classement        the ranking keys, in order
 */
public record ReglesRapprochement(String territoire, Map<Typologie, Occupation> occupation,
                                  BigDecimal tauxEffortMax, BigDecimal resteAVivreMin,
                                  Set<CritereRapprochement> eliminatoires, List<CleClassement> classement) {
    public ReglesRapprochement {
        occupation = Map.copyOf(occupation);
        eliminatoires = Set.copyOf(eliminatoires);
        classement = List.copyOf(classement);
    }

    /**
     * The household sizes a typology suits.
     *
     * @param min fewest persons
     * @param max most persons
     */
    public record Occupation(int min, int max) {
    }
}
