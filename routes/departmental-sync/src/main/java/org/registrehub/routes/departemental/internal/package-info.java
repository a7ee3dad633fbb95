/**
 * The legacy departmental files: streaming readers of CSV and XML extracts, the batch-by-batch import (positions,
 * resume, rejects report), the watched drop directory. Wired by Blueprint ({@code OSGI-INF/blueprint/departemental.xml})
 * like the other route bundles; nothing exported, the services are published under the API's interfaces.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteDepartementale.COMPOSANT)
package org.registrehub.routes.departemental.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
