package org.registrehub.api.attribution;

/** Where a candidature stands: proposed, then the commission's decision, the applicant's answer, the lease. */
public enum StatutCandidature {
    PROPOSEE,
    ATTRIBUEE,
    /** attributed by rank: the dwelling goes to this candidate if those ranked before refuse */
    ATTRIBUEE_CLASSEMENT,
    ATTRIBUEE_SOUS_CONDITION,
    NON_ATTRIBUEE,
    IRRECEVABLE,
    /** the applicant turned the dwelling down */
    RENONCEE,
    BAIL_SIGNE,
    /** cancelled before the commission examined it (the dwelling withdrawn) */
    ANNULEE;

    /** Still in the running for the dwelling. */
    public boolean enCours() {
        return this == PROPOSEE || this == ATTRIBUEE || this == ATTRIBUEE_CLASSEMENT
                || this == ATTRIBUEE_SOUS_CONDITION;
    }
}
