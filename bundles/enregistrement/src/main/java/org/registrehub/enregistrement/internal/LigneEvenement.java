package org.registrehub.enregistrement.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.registrehub.api.EvenementDemande;

/** An outbox row as read for the relay; the recipients come as a comma-separated list. */
public record LigneEvenement(UUID evenementId, String type, String numeroUnique, Instant horodatage, String contenu,
                             String destinataires) {

    EvenementDemande evenement() {
        List<String> codes = destinataires == null || destinataires.isEmpty() ? List.of()
                : Arrays.asList(destinataires.split(","));
        return new EvenementDemande(evenementId, type, numeroUnique, horodatage, contenu, codes);
    }
}
