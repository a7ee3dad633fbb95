package org.registrehub.api;

import java.math.BigDecimal;

/**
 * The current dwelling (CERFA 14069, section 5).
 *
 * @param statut          status in the dwelling; {@link StatutLogement#LOCATAIRE_HLM} makes the demand a mutation
 * @param loyer           monthly rent in euros, if any
 * @param surface         living area in m², if known
 * @param typologie       type of the dwelling, if known
 * @param nombreOccupants number of people living there
 */
public record LogementActuel(StatutLogement statut, BigDecimal loyer, Integer surface, Typologie typologie,
                             Integer nombreOccupants) {
}
