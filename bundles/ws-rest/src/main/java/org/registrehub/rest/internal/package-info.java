/**
 * REST endpoint {@code /api/v1} on CXF JAX-RS. Wiring: Blueprint ({@code OSGI-INF/blueprint/rest.xml}) — the CXF
 * Blueprint namespace publishes the server on Karaf's HTTP service; services of the register come in by interface.
 * Bodies are read and written with the hub's {@link org.registrehub.api.spi.JsonCodec}, errors are RFC 9457
 * {@code application/problem+json} documents with French messages.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteRest.COMPOSANT)
package org.registrehub.rest.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
