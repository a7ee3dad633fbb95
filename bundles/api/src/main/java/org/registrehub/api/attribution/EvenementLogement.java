package org.registrehub.api.attribution;

import java.time.Instant;

import org.registrehub.api.Canal;

/**
 * One line of an offer's history.
 *
 * @param horodatage   when
 * @param acteur       login of the user (or the ERP account)
 * @param organisation its organisation
 * @param canal        channel
 * @param operation    {@code DECLARATION}, {@code MODIFICATION}, {@code RETRAIT}...
 * @param statut       the offer's status after it
 * @param details      what changed, in words
 */
public record EvenementLogement(Instant horodatage, String acteur, String organisation, Canal canal,
                                String operation, StatutOffre statut, String details) {
}
