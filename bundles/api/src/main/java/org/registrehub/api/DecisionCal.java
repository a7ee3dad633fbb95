package org.registrehub.api;

/** Decisions of a commission d'attribution des logements (CCH R441-3). */
public enum DecisionCal {
    ATTRIBUTION,
    /** attribution by rank: the dwelling goes to this candidate (rank 2 or 3) if those ranked before refuse it */
    ATTRIBUTION_PAR_CLASSEMENT,
    /** attribution under a condition the household must meet (a document, a ceiling...) */
    ATTRIBUTION_SOUS_CONDITION,
    NON_ATTRIBUTION,
    /** the demand does not meet the conditions of access (income above ceiling, irregular residence) */
    IRRECEVABILITE
}
