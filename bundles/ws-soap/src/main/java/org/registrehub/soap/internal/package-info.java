/**
 * SOAP endpoint for the departmental file systems, contract first: the WSDL and XSD in {@code src/main/resources/wsdl}
 * are the documentation; the {@code v1} classes are generated from them at build time. Wiring: Blueprint
 * ({@code OSGI-INF/blueprint/soap.xml}) publishes the CXF endpoint and references
 * {@link org.registrehub.api.RegistreService} by interface.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteSoap.COMPOSANT)
package org.registrehub.soap.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
