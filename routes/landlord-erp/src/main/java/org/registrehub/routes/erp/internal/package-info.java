/**
 * Camel routes for the landlords' ERPs. Wiring: Blueprint ({@code OSGI-INF/blueprint/erp.xml}) builds the AMQP
 * component and the Camel context from the configuration PID {@code org.registrehub.erp}; the routes are Java DSL
 * ({@link org.registrehub.routes.erp.internal.ErpRoutes}) and hold no business logic: they call
 * {@link org.registrehub.routes.erp.internal.TraitementMessageErp}, which calls the register's services.
 */
package org.registrehub.routes.erp.internal;
