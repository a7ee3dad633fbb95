package org.registrehub.api;

/** What a landlord reports about a demand before the lease. */
public enum NatureSuivi {
    /** the demand is one of the (up to three) candidates proposed for a dwelling */
    PROPOSITION,
    /** the commission d'attribution (CAL) decided on the candidate */
    DECISION_CAL,
    /** the candidate turned the dwelling down; the demand stays active */
    RENONCIATION
}
