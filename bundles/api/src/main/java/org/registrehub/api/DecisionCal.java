package org.registrehub.api;

/** Decisions of a commission d'attribution des logements (CCH R441-3). */
public enum DecisionCal {
    ATTRIBUTION,
    /** attribution under a condition the household must meet (a document, a ceiling...) */
    ATTRIBUTION_SOUS_CONDITION,
    NON_ATTRIBUTION,
    /** the demand does not meet the conditions of access (income above ceiling, irregular residence) */
    IRRECEVABILITE
}
