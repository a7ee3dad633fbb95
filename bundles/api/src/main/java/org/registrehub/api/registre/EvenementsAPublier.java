package org.registrehub.api.registre;

import java.util.function.Consumer;

import org.registrehub.api.EvenementDemande;

/**
 * The register's events waiting for the broker (its transactional outbox: written with each change, in its
 * transaction), as the relay route takes them. Provided by the bundle {@code registre-enregistrement}.
 */
public interface EvenementsAPublier {

    /**
     * Locks up to {@code max} pending events (oldest first, skipping those locked by another node), hands each to
     * {@code publication}, and marks them published in the same transaction. If {@code publication} throws, nothing
     * is marked and the events stay pending.
     *
     * @return the number of events published
     */
    default int relayer(int max, Consumer<EvenementDemande> publication) {
        return relayer(max, publication, () -> { });
    }

    /**
     * Like {@link #relayer(int, Consumer)}, with {@code avantValidation} run once every event of the batch was handed
     * over and marked, just before the database transaction commits: the caller commits there what it published
     * (its broker transaction), so that events are never marked published before the broker has them. If
     * {@code avantValidation} throws, nothing is marked. Not called when there is nothing to relay.
     */
    int relayer(int max, Consumer<EvenementDemande> publication, Runnable avantValidation);

    /** Number of events not yet published. */
    long enAttente();
}
