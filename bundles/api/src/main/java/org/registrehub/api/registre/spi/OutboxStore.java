package org.registrehub.api.registre.spi;

import org.registrehub.api.registre.EvenementsAPublier;

/**
 * The transactional outbox: events written with the changes, relayed later to the broker. The store is what the
 * register's bundle publishes as {@link EvenementsAPublier}, the service the relay route uses.
 */
public interface OutboxStore extends EvenementsAPublier {
}
