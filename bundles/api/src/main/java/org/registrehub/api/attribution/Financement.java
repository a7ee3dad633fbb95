package org.registrehub.api.attribution;

/** How a dwelling was financed; it sets the income ceiling of the households it may be let to. */
public enum Financement {
    /** prêt locatif aidé d'intégration: the lowest ceiling (about 55 to 60 % of the PLUS one) */
    PLAI,
    /** prêt locatif à usage social: the reference ceiling */
    PLUS,
    /** prêt locatif social: the highest ceiling (130 % of the PLUS one) */
    PLS
}
