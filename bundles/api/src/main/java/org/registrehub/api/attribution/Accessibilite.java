package org.registrehub.api.attribution;

/** How a dwelling can be reached and used by a person with reduced mobility. */
public enum Accessibilite {
    NON,
    /** reachable in a wheelchair (step-free access or lift), not fitted out */
    ACCESSIBLE,
    /** fitted out for a wheelchair user (PMR) */
    ADAPTE
}
