package org.registrehub.api.acces;

import java.time.Instant;

import org.registrehub.api.Canal;

/**
 * One line of the audit trail: a read of nominative data or a change, by whom, for which organisation, when, through
 * which channel. Lines are never updated nor deleted.
 *
 * @param horodatage   when
 * @param acteur       login of the user
 * @param organisation code of its organisation
 * @param canal        channel of the request
 * @param operation    {@code CONSULTATION}, {@code RECHERCHE}, {@code HISTORIQUE}, {@code ATTESTATION}, the life-cycle
 *                     operations, or an access-management operation ({@code CREATION_UTILISATEUR}...)
 * @param numeroUnique the demand concerned, if one
 * @param territoire   its département (or the one the operation concerns), if known
 * @param details      what else identifies the operation (search criteria, user created...), never a password
 */
public record EntreeAudit(Instant horodatage, String acteur, String organisation, Canal canal, String operation,
                          String numeroUnique, String territoire, String details) {
}
