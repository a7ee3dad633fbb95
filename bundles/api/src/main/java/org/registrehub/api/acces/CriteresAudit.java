package org.registrehub.api.acces;

import java.time.Instant;

/**
 * Filters of the audit trail, all optional and combined.
 *
 * @param acteur       login
 * @param organisation organisation code
 * @param numeroUnique demand
 * @param operation    operation name
 * @param territoire   département
 * @param du           from (inclusive)
 * @param au           to (exclusive)
 */
public record CriteresAudit(String acteur, String organisation, String numeroUnique, String operation,
                            String territoire, Instant du, Instant au) {

    public static CriteresAudit aucun() {
        return new CriteresAudit(null, null, null, null, null, null, null);
    }
}
