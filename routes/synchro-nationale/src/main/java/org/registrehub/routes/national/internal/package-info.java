/**
 * The national synchronization's routes: the timers that send the outbox events and run the daily pulls, calling the
 * service {@code SynchronisationNationale} of the bundle {@code registre-synchro-nationale}; and their health.
 * Wired by Blueprint ({@code OSGI-INF/blueprint/national.xml}).
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteNationale.COMPOSANT)
package org.registrehub.routes.national.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
