package org.registrehub.registration.internal;

import java.time.Instant;
import java.util.UUID;

import org.registrehub.api.Demande;

/**
 * The JSON document of an outbox event (schema {@code docs/messages/evenement-demande.schema.json}).
 *
 * @param versionSchema version of this document's shape
 */
record ContenuEvenement(int versionSchema, UUID evenementId, String type, Instant horodatage, String canal,
                        Demande demande) {

    static final int VERSION_SCHEMA = 1;
}
