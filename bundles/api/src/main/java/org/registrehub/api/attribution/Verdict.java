package org.registrehub.api.attribution;

/** How a candidate stands on one criterion. */
public enum Verdict {
    SATISFAIT,
    /** shown because the criterion is not eliminatory on this territory */
    NON_SATISFAIT,
    /** the dossier lacks what the criterion needs (no tax income declared...): the landlord checks it */
    A_VERIFIER,
    /** a ranking fact (priority, cotation, ancienneté), not a condition */
    INFORMATIF
}
