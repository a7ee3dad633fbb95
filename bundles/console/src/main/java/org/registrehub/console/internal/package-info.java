/**
 * Karaf shell commands of the {@code registre} scope. Wiring: Karaf's own annotations ({@code @Service},
 * {@code @Command}, {@code @Reference}), discovered through the {@code Karaf-Commands} header; the one plain service,
 * the console's health ({@link org.registrehub.console.internal.SanteConsole}), by Declarative Services.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteConsole.COMPOSANT)
package org.registrehub.console.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
