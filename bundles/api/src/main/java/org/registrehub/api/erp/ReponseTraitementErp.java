package org.registrehub.api.erp;

/**
 * The reply to one ERP message (schema {@code docs/messages/erp-reponse.schema.json}).
 *
 * @param correlationId the {@code messageId} of the message answered
 * @param statut        {@code ACCEPTE} or {@code REJETE}
 * @param json          the reply itself, as sent to the organisation's reply queue
 */
public record ReponseTraitementErp(String correlationId, String statut, String json) {
}
