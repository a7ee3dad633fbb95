package org.registrehub.api.acces;

/**
 * The hub's own account on its embedded broker, for the routes running in the same container (ERP route, outbox
 * relay): a login and a secret drawn when the broker's bundle starts (registre-broker-plugin; an update of the security
 * bundle keeps it, so that the sessions the broker re-authenticates keep working), in that component's memory only,
 * never stored nor logged. It carries the broker role {@code interne} and no identity of the register (REST, SOAP and
 * the console refuse it).
 */
public interface CompteInterne {

    /** The login, reserved: access management refuses it to users of the register. */
    String IDENTIFIANT = "hub.interne";

    String identifiant();

    String motDePasse();
}
