package org.registrehub.routes.erp.internal;

import java.time.Instant;

import org.registrehub.api.NouvelleDemande;

/**
 * Inbound ERP message (schema {@code docs/messages/erp-enregistrer-demande.schema.json}).
 *
 * @param messageId     unique id chosen by the sender; echoed as {@code correlationId} in the reply
 * @param type          {@code enregistrerDemande}
 * @param versionSchema version of the message shape, {@code 1}
 * @param horodatage    when the sender emitted the message
 * @param demande       the demand to register
 */
public record MessageErp(String messageId, String type, Integer versionSchema, Instant horodatage,
                         NouvelleDemande demande) {

    public static final String ENREGISTRER_DEMANDE = "enregistrerDemande";
    public static final int VERSION_SCHEMA = 1;
}
