package org.registrehub.api.national;

/** The national synchronization's tasks, each with its own state (last success, failure, cursor). */
public enum TacheNationale {
    /** Sends the outbox events to the national register, in order. */
    ENVOI,
    /** Applies the radiations made by other systems. */
    RADIATIONS,
    /** Records the duplicates found nationally. */
    DOUBLONS,
    /** Records the DALO recourses declared elsewhere. */
    DALO,
    /** Compares the hub's demands with the national side, and fixes what can be. */
    RECONCILIATION
}
