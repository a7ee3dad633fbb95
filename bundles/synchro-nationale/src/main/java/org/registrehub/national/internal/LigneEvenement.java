package org.registrehub.national.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.registrehub.api.EvenementDemande;

/** An outbox row as the national sending reads it (the landlords' recipients do not concern it). */
public record LigneEvenement(UUID evenementId, String type, String numeroUnique, Instant horodatage,
                             String contenu) {

    EvenementDemande evenement() {
        return new EvenementDemande(evenementId, type, numeroUnique, horodatage, contenu, List.of());
    }
}
