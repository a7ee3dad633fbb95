package org.registrehub.api.attribution;

import java.util.List;

/**
 * The ranked candidates of a dwelling.
 *
 * @param logement  the dwelling
 * @param regles    the territory's rules applied
 * @param plafond   the income ceilings applied
 * @param eligibles how many pending demands pass the eliminatory criteria (the list holds the first of them),
 *                  counted up to {@link RapprochementService#DECOMPTE_MAX}
 * @param auMoins   the count stopped at {@link RapprochementService#DECOMPTE_MAX}: there are at least so many
 * @param candidats the first eligible demands, ranked
 */
public record Rapprochement(LogementOffert logement, ReglesRapprochement regles, PlafondApplique plafond,
                            long eligibles, boolean auMoins, List<CandidatRapproche> candidats) {
    public Rapprochement {
        candidats = List.copyOf(candidats);
    }
}
