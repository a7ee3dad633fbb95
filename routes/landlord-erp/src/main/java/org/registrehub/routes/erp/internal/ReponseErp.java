package org.registrehub.routes.erp.internal;

import java.time.Instant;
import java.util.List;

import org.registrehub.api.Doublon;
import org.registrehub.api.ErreurChamp;

/**
 * Reply sent to the ERP for every readable message (schema {@code docs/messages/erp-reponse.schema.json}).
 *
 * @param messageId     id of this reply
 * @param correlationId {@code messageId} of the message answered
 * @param statut        {@code ACCEPTE} or {@code REJETE}
 * @param numeroUnique  the numéro allocated, when accepted
 * @param erreurs       field-level errors, when rejected
 * @param doublons      the applicant's active demands, when rejected as a presumed duplicate (send again with a
 *                      justificationDoublon to register anyway)
 */
public record ReponseErp(String messageId, String type, int versionSchema, Instant horodatage, String correlationId,
                         String statut, String numeroUnique, List<ErreurChamp> erreurs, List<Doublon> doublons) {

    public static final String TYPE = "reponseEnregistrerDemande";
    public static final String ACCEPTE = "ACCEPTE";
    public static final String REJETE = "REJETE";
}
