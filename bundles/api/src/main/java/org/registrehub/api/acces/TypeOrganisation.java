package org.registrehub.api.acces;

/** Kinds of organisations that use the register. */
public enum TypeOrganisation {
    /** A guichet enregistreur that is not a landlord (commune, CCAS, Action Logement...). */
    GUICHET,
    /** A social landlord (also a guichet enregistreur when it has a guichet code). */
    BAILLEUR,
    /** A State service (DDETS, DREAL): manages a département. */
    ETAT,
    /** An observatory: statistics only. */
    OBSERVATOIRE,
    /** The operator of the hub itself. */
    HUB
}
