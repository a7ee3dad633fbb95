package org.registrehub.api.statistiques;

import java.util.List;

/**
 * The PLUS income ceilings (revenu fiscal de référence, euros a year) by household category (1 to 6 persons, then the
 * supplement for each person beyond six), one scale for Île-de-France and one for the other regions.
 */
public record PlafondsRessources(List<Long> ileDeFrance, long supplementIleDeFrance, List<Long> autresRegions,
                                 long supplementAutresRegions) {

    public PlafondsRessources {
        ileDeFrance = List.copyOf(ileDeFrance);
        autresRegions = List.copyOf(autresRegions);
        if (ileDeFrance.size() != 6 || autresRegions.size() != 6) {
            throw new IllegalArgumentException("six catégories de ménage par barème");
        }
    }
}
