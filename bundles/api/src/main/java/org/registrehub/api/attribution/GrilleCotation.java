package org.registrehub.api.attribution;

import java.time.Instant;
import java.util.List;

/**
 * A version of a territory's cotation grid.
 *
 * @param territoire   département (3 characters) or EPCI (SIREN, 9 digits)
 * @param version      1 for the first definition, then one more at each
 * @param criteres     criteria, in the order they are shown
 * @param acteur       who defined it
 * @param organisation its organisation
 * @param creeLe       when
 * @param appliqueeLe  when every pending demand of the territory was scored by it (null while it is being applied)
 */
public record GrilleCotation(String territoire, int version, List<CritereCotation> criteres, String acteur,
                             String organisation, Instant creeLe, Instant appliqueeLe) {
    public GrilleCotation {
        criteres = List.copyOf(criteres);
    }
}
