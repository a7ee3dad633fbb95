package org.registrehub.api.attribution;

import java.util.List;

import org.registrehub.api.Contexte;

/**
 * The candidates of an offered dwelling: designated by its landlord, its réservataire or a gestionnaire of its
 * territory — three at most, each with its rank, fewer only with a reason ({@link MotifMoinsDeTrois}) —, each a
 * PROPOSITION line of the demand's follow-up, historized on the dwelling and audited; a demand already designated for
 * another open dwelling is flagged ({@link Candidature#designeeAilleurs()}), not refused.
 */
public interface CandidaturesService {

    /** Candidates in the running for one dwelling, at most (CCH R441-3). */
    int CANDIDATS_MAX = 3;
    /**
     * Adds candidates to the dwelling's (one transaction: all or nothing).
     *
     * @throws org.registrehub.api.DemandeInvalideException     a fourth candidate, a rank taken, a demand twice, a
     *                                                          missing reason, each named
     * @throws org.registrehub.api.DemandeIntrouvableException  an unknown demand
     * @throws org.registrehub.api.TransitionInterditeException a radiated demand, a dwelling no longer offered
     */
    List<Candidature> designer(String identifiantRpls, Designation designation, Contexte contexte);

    /** The dwelling's candidatures, by rank (those no longer in the running included). */
    List<Candidature> candidatures(String identifiantRpls, Contexte contexte);
}
