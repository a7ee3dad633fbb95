package org.registrehub.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event about a demand, written to the outbox in the same transaction as the change and relayed to the broker.
 *
 * @param evenementId   unique id, used by consumers and the broker to drop duplicates
 * @param type          e.g. {@code demandeEnregistree}
 * @param numeroUnique  the demand concerned
 * @param horodatage    when the change was committed
 * @param contenu       the JSON document published (schema in {@code docs/messages})
 * @param destinataires codes of the landlords (organisations of type BAILLEUR) of the demand's territory when the
 *                      change was written, each of which gets the event on its own address; empty before that
 */
public record EvenementDemande(UUID evenementId, String type, String numeroUnique, Instant horodatage, String contenu,
                               List<String> destinataires) {

    public static final String DEMANDE_ENREGISTREE = "demandeEnregistree";

    public EvenementDemande {
        destinataires = destinataires == null ? List.of() : List.copyOf(destinataires);
    }

    /** An event as the service writes it: the store computes its recipients. */
    public EvenementDemande(UUID evenementId, String type, String numeroUnique, Instant horodatage, String contenu) {
        this(evenementId, type, numeroUnique, horodatage, contenu, List.of());
    }
}
