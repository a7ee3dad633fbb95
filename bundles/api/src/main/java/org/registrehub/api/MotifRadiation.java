package org.registrehub.api;

/** Reasons of radiation (CCH R441-2-8). */
public enum MotifRadiation {
    /** A lease was signed: carries the landlord, the RPLS dwelling id, the réservataire and the DALO flag. */
    ATTRIBUTION,
    /** The applicant renounced. */
    ABANDON,
    /** Not renewed before its expiry; reactivable during the grace period. */
    NON_RENOUVELLEMENT,
    /** Decided by a CAL (income above the ceiling, irregular residence...); carries a sub-reason. */
    IRRECEVABILITE,
    /** No answer to a traceable letter within one month. */
    NON_REPONSE
}
