package org.registrehub.erp.internal;

import java.time.Instant;
import java.util.List;

import org.registrehub.api.Doublon;
import org.registrehub.api.ErreurChamp;

/**
 * Reply sent to the ERP for every readable message (schema {@code docs/messages/erp-reponse.schema.json}).
 *
 * @param messageId     id of this reply
 * @param type          {@code reponse} + the message type ({@code reponseBailSigne}...)
 * @param correlationId {@code messageId} of the message answered
 * @param statut        {@code ACCEPTE} or {@code REJETE}
 * @param numeroUnique  the demand concerned, when known
 * @param erreurs       field-level errors, when rejected
 * @param doublons      the applicant's active demands, when a registration is rejected as a presumed duplicate (send
 *                      again with a justificationDoublon to register anyway)
 * @param dejaTraite    the message had already been processed: this is the first answer again, with no new effect
 */
public record ReponseErp(String messageId, String type, int versionSchema, Instant horodatage, String correlationId,
                         String statut, String numeroUnique, List<ErreurChamp> erreurs, List<Doublon> doublons,
                         boolean dejaTraite) {

    public static final String ACCEPTE = "ACCEPTE";
    public static final String REJETE = "REJETE";

    /** {@code bailSigne} → {@code reponseBailSigne}. */
    static String typePour(String typeMessage) {
        return "reponse" + Character.toUpperCase(typeMessage.charAt(0)) + typeMessage.substring(1);
    }
}
