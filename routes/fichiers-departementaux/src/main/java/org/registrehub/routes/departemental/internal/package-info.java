/**
 * The departmental files' routes: the watched drop folder, the resumption of interrupted imports at start and the
 * daily extract's timer, calling the services of the bundle {@code registre-fichiers-departementaux}; and their
 * health. Wired by Blueprint ({@code OSGI-INF/blueprint/departemental.xml}).
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteDepartementale.COMPOSANT)
package org.registrehub.routes.departemental.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
