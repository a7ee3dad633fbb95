package org.registrehub.api.attribution;

/** A commission d'attribution session: planned, then held once it has decided. */
public enum StatutCommission {
    PREVUE, TENUE
}
