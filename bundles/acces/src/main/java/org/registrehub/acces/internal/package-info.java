/**
 * Security of the register: bcrypt password hashes (Bouncy Castle), the authentication service behind the JAAS realm
 * {@code registre} used by REST, SOAP, the console and the broker, the first administrator, access management and the
 * audit trail, and their persistence ({@code AccesMapper.xml} through the shared store core, in
 * {@link AccesPostgres}). Wiring: Declarative Services.
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = SanteAuthentification.COMPOSANT)
package org.registrehub.acces.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
