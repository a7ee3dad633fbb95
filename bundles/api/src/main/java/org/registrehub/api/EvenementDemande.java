package org.registrehub.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An event about a demand, written to the outbox in the same transaction as the change and relayed to the broker.
 *
 * @param evenementId  unique id, used by consumers and the broker to drop duplicates
 * @param type         e.g. {@code demandeEnregistree}
 * @param numeroUnique the demand concerned
 * @param horodatage   when the change was committed
 * @param contenu      the JSON document published (schema in {@code docs/messages})
 */
public record EvenementDemande(UUID evenementId, String type, String numeroUnique, Instant horodatage, String contenu) {

    public static final String DEMANDE_ENREGISTREE = "demandeEnregistree";
}
