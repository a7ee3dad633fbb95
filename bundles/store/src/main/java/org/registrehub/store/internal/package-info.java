/**
 * PostgreSQL persistence of the register. Wiring: Declarative Services — one immediate component,
 * {@link org.registrehub.store.internal.PostgresStore}, configured by the PID {@code org.registrehub.store}; it gets
 * the pax-jdbc DataSource by its {@code osgi.jndi.service.name} and never owns a pool. Schema changes are Flyway
 * migrations under {@code db/migration}, run at start and retried until the database answers.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SurveillanceBase.COMPOSANT)
package org.registrehub.store.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
