/**
 * The renewal campaign: the engine ({@link org.registrehub.routes.renouvellement.internal.CampagneRenouvellementImpl}),
 * the email notices (JavaMail over SMTP), the print-ready PDF letter batches (PDFBox), the online renewal behind the
 * one-time link, and the Camel route that starts the day's campaign once its hour has come. Wired by Blueprint
 * ({@code OSGI-INF/blueprint/renouvellement.xml}) like the other route bundles; nothing exported, the services are
 * published under the API's interfaces.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteCampagne.COMPOSANT)
package org.registrehub.routes.renouvellement.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
