package org.registrehub.api.attribution;

import java.util.List;

/**
 * A dwelling on the agenda of a commission, and its candidates by rank.
 *
 * @param ordre             its place on the agenda (1 = first)
 * @param logement          the dwelling
 * @param motifMoinsDeTrois why it has fewer than three candidates, if so
 * @param candidats         its candidates
 */
public record PointOrdreDuJour(int ordre, LogementOffert logement, MotifMoinsDeTrois motifMoinsDeTrois,
                               List<FicheCandidat> candidats) {
    public PointOrdreDuJour {
        candidats = List.copyOf(candidats);
    }
}
