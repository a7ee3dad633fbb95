package org.registrehub.api.spi;

import java.util.function.Consumer;

import org.registrehub.api.EvenementDemande;

/** The transactional outbox: events written with the changes, relayed later to the broker. */
public interface OutboxStore {

    /**
     * Locks up to {@code max} pending events (oldest first, skipping those locked by another node), hands each to
     * {@code publication}, and marks them published in the same transaction. If {@code publication} throws, nothing
     * is marked and the events stay pending.
     *
     * @return the number of events published
     */
    int relayer(int max, Consumer<EvenementDemande> publication);

    /** Number of events not yet published. */
    long enAttente();
}
