/**
 * Synchronization with the national register: the SOAP client (circuit breaker), the sending of the outbox events,
 * the daily pulls and the reconciliation, wired by Blueprint ({@code OSGI-INF/blueprint/national.xml}) as the other
 * route bundles. Nothing here is exported: the services are published under the API's interfaces.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteNationale.COMPOSANT)
package org.registrehub.routes.national.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
