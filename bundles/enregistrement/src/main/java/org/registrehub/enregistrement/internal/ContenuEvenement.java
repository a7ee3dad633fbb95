package org.registrehub.enregistrement.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.registrehub.api.Changement;
import org.registrehub.api.Demande;

/**
 * The JSON document of an outbox event (schema {@code docs/messages/evenement-demande.schema.json}).
 *
 * @param versionSchema version of this document's shape
 * @param messageId     the message's id, as every message of the hub has one: the event's id
 * @param changements   the fields the operation changed (empty for a registration)
 */
record ContenuEvenement(int versionSchema, String messageId, UUID evenementId, String type, Instant horodatage, String canal,
                        List<Changement> changements, Demande demande) {

    static final int VERSION_SCHEMA = 1;
}
