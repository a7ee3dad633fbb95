/**
 * The hub's readiness ({@link org.registrehub.api.SanteHub}): the components that installed bundles declare in their
 * manifest header {@code Registre-Sante}, matched with the {@link org.registrehub.api.SanteService} registrations.
 * Wiring: Declarative Services.
 */
package org.registrehub.health.internal;
