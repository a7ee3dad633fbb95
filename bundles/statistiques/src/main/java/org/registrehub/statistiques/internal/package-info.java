/**
 * The Infocentre's service. Wiring: Declarative Services; the figures come from the store's statistics SPI.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteStatistiques.COMPOSANT)
package org.registrehub.statistiques.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
