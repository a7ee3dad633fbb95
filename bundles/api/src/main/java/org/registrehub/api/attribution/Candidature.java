package org.registrehub.api.attribution;

import java.time.Instant;
import java.util.List;

import org.registrehub.api.Canal;

/**
 * A demand designated for a dwelling, and where it stands.
 *
 * @param identifiantRpls  the dwelling
 * @param numeroUnique     the demand
 * @param rang             its rank, 1 to 3
 * @param designePar       the organisation that designated it (landlord, réservataire, gestionnaire)
 * @param statut           its outcome so far
 * @param acteur           who designated it
 * @param canal            through which channel
 * @param horodatage       when
 * @param designeeAilleurs the other open dwellings the demand is a candidate for now (a warning, not a refusal)
 */
public record Candidature(String identifiantRpls, String numeroUnique, int rang, String designePar,
                          StatutCandidature statut, String acteur, Canal canal, Instant horodatage,
                          List<String> designeeAilleurs) {
    public Candidature {
        designeeAilleurs = designeeAilleurs == null ? List.of() : List.copyOf(designeeAilleurs);
    }
}
