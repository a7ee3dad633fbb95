package org.registrehub.api;

/** Life-cycle status of a demand (CCH L441-2-1). */
public enum Statut {
    /** Pending demand, valid until its expiry date. */
    ACTIVE,
    /** Radiated demand (attribution, abandon, non-renewal, ...); its numéro is never reused. */
    RADIEE
}
