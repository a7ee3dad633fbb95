/**
 * The hub's readiness ({@link org.registrehub.api.SanteHub}): the components that installed bundles declare in their
 * manifest header {@code Registre-Sante}, matched with the {@link org.registrehub.api.SanteService} registrations.
 * Wiring: Declarative Services; the console command {@code registre:sante} by Karaf's own annotations (header
 * {@code Karaf-Commands}), in this bundle so that it answers while the other {@code registre:*} commands wait for a
 * missing service.
 */
package org.registrehub.sante.internal;
