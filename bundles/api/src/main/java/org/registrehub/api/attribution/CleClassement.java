package org.registrehub.api.attribution;

/** The keys candidates are ranked by, in the order a territory configures. */
public enum CleClassement {
    /** DALO recognised households first */
    DALO,
    /** households of more legal priority categories first */
    PRIORITE,
    /** higher cotation first */
    COTATION,
    /** older demands first */
    ANCIENNETE,
    /** demands that wished the dwelling's commune earlier in their list first */
    RANG_COMMUNE
}
