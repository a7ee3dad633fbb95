/**
 * PostgreSQL persistence of the register. Wiring: Declarative Services — one immediate component,
 * {@link org.registrehub.store.internal.PostgresStore}, configured by the PID {@code org.registrehub.store}; it gets
 * the pax-jdbc DataSource by its {@code osgi.jndi.service.name} and never owns a pool. Schema changes are Flyway
 * migrations under {@code db/migration}, run at start and retried until the database answers.
 */
package org.registrehub.store.internal;
