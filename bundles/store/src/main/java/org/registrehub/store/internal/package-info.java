/**
 * The shared persistence core of the register (decision 0001). Wiring: Declarative Services — the immediate component
 * {@link org.registrehub.store.internal.PostgresStore}, configured by the PID {@code org.registrehub.store}, gets the
 * pax-jdbc DataSource by its {@code osgi.jndi.service.name} (it never owns a pool), runs the Flyway migrations of
 * {@code db/migration} at start and whenever the database comes back, watches the database's health and publishes
 * {@code BaseDeDonnees}: each capability runs its own mappers through it. {@link BauxPostgres} publishes the cluster's
 * leases. No capability's SQL lives here.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SurveillanceBase.COMPOSANT)
package org.registrehub.store.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
