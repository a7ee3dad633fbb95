/**
 * Camel routes for the landlords' ERPs. Wiring: Blueprint ({@code OSGI-INF/blueprint/erp.xml}) builds the AMQP
 * component, the Camel context and the supervision service from the configuration PID {@code org.registrehub.erp}.
 * The routes are Java DSL and hold no business logic: {@link org.registrehub.routes.erp.internal.RouteEntranteErp}
 * (one per organisation, added at run time by {@link org.registrehub.routes.erp.internal.OrganisationsErp}) hands each
 * message to the {@code TraitementErp} service (bundle {@code registre-erp}) and sends its reply back.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteBroker.COMPOSANT + "," + SanteErp.COMPOSANT)
package org.registrehub.routes.erp.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
