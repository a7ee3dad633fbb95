package org.registrehub.api.attribution;

/** Why a dwelling goes to the commission with fewer than three candidates (CCH R441-3). */
public enum MotifMoinsDeTrois {
    /** not enough pending demands fit the dwelling */
    DEMANDE_INSUFFISANTE,
    /** a DALO priority household is designated */
    DALO
}
