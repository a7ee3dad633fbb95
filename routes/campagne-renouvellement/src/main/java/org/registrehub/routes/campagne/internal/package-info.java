/**
 * The renewal campaign's channel pieces: the Camel route that starts the day's campaign once its hour has come (the
 * engine is the {@link org.registrehub.api.renouvellement.CampagneRenouvellement} service of the
 * {@code registre-campagne-renouvellement} bundle), and the component's health. Wired by Blueprint
 * ({@code OSGI-INF/blueprint/renouvellement.xml}); nothing exported.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteCampagne.COMPOSANT)
package org.registrehub.routes.campagne.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
