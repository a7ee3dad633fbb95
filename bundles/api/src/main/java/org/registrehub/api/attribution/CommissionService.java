package org.registrehub.api.attribution;

import java.util.List;

import org.registrehub.api.Contexte;

/**
 * The commissions d'attribution: a landlord (or a gestionnaire) plans a session with the dwellings whose candidates
 * it examines; the members read the agenda and one sheet per candidate (PDF); the commission's decisions are recorded
 * per candidate with the legal outcomes (CCH R441-3), each a DECISION_CAL line of the demand's follow-up, audited. A
 * demand already attributed a dwelling is not attributed a second one.
 */
public interface CommissionService {
    Commission planifier(PlanCommission plan, Contexte contexte);

    /**
     * The sessions the user reads (a landlord its own, a gestionnaire those of its territories), the latest first.
     *
     * @since 1.2.0
     */
    List<ResumeCommission> commissions(Contexte contexte);

    /** The session and its agenda with the candidates' sheets (a nominative read: audited). */
    Commission commission(long id, Contexte contexte);

    /** The agenda, in PDF. */
    byte[] ordreDuJourPdf(long id, Contexte contexte);

    /** One sheet per candidate, in PDF (one page each). */
    byte[] fichesPdf(long id, Contexte contexte);

    /**
     * Records the commission's decisions on candidates of a dwelling on its agenda (one transaction).
     *
     * @throws org.registrehub.api.DemandeInvalideException a decision that breaks a rule (two attributions of the
     *                                                      dwelling, a demand already attributed elsewhere, a missing
     *                                                      reason...), each named
     */
    Commission decider(long id, String identifiantRpls, List<DecisionCandidat> decisions, Contexte contexte);
}
