package org.registrehub.api.portail;

import java.time.Instant;
import java.util.Set;

/**
 * A signed-in applicant. The token is the session cookie's value: the database keeps only its SHA-256.
 *
 * @param jeton    the session token (43 URL-safe characters), known only to the applicant's browser
 * @param csrf     the token every form of the session carries (derived from the session token, never stored)
 * @param compte   the applicant account's id, or null for a session opened with a numéro and a one-time code
 * @param email    the account's address, or the demand's for a code session
 * @param numeros  the demands this session may read and change: the account's, or the one of the code
 * @param expire   when the session ends if nothing happens before (idle time-out)
 */
public record SessionPortail(String jeton, String csrf, Long compte, String email, Set<String> numeros,
                             Instant expire) {

    public SessionPortail {
        numeros = numeros == null ? Set.of() : Set.copyOf(numeros);
    }

    /** The session may read and change this demand. */
    public boolean possede(String numeroUnique) {
        return numeroUnique != null && numeros.contains(numeroUnique);
    }

    /** How the register's history and the audit trail name the applicant. */
    public String acteur() {
        return compte != null ? "demandeur:compte-" + compte : "demandeur:code";
    }
}
