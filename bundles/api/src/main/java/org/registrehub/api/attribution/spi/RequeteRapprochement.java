package org.registrehub.api.attribution.spi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.CleClassement;
import org.registrehub.api.attribution.CritereRapprochement;

/**
 * What the matching query needs: the dwelling's facts and the territory's rules, resolved.
 *
 * @param commune        the dwelling's commune
 * @param typologie      its typology
 * @param plafonds       ceilings of its financing for 1 to 6 persons
 * @param supplement     ceiling added per person beyond six
 * @param depense        rent + charges
 * @param etage          floor
 * @param ascenseur      lift
 * @param accessibilite  access
 * @param occupationMin  fewest persons for its typology
 * @param occupationMax  most persons
 * @param tauxEffortMax  percent
 * @param resteAVivreMin euros a month per consumption unit
 * @param eliminatoires  criteria that exclude
 * @param classement     ranking keys in order
 * @param limite         rows to return
 */
public record RequeteRapprochement(String commune, String typologie, List<Long> plafonds, long supplement,
                                   BigDecimal depense, int etage, boolean ascenseur, Accessibilite accessibilite,
                                   int occupationMin, int occupationMax, BigDecimal tauxEffortMax,
                                   BigDecimal resteAVivreMin, Set<CritereRapprochement> eliminatoires,
                                   List<CleClassement> classement, int limite) {
    public RequeteRapprochement {
        plafonds = List.copyOf(plafonds);
        eliminatoires = Set.copyOf(eliminatoires);
        classement = List.copyOf(classement);
    }
}
