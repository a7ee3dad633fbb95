package org.registrehub.national.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.registrehub.api.Changement;
import org.registrehub.api.Demande;

/** The JSON document of an outbox event, as written by the register (docs/messages/evenement-demande.schema.json). */
public record ContenuRecu(int versionSchema, String messageId, UUID evenementId, String type, Instant horodatage,
                          String canal, List<Changement> changements, Demande demande) {
}
