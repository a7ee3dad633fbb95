package org.registrehub.api.acces;

/**
 * The hub's own account on its embedded broker, for the routes running in the same container (ERP route, outbox
 * relay): a login and a secret drawn at each start of the hub (kept when the security bundle is updated), in memory
 * only, never stored nor logged. It carries the broker role {@code interne} and no identity of the register (REST, SOAP and the console
 * refuse it).
 */
public interface CompteInterne {

    String identifiant();

    String motDePasse();
}
