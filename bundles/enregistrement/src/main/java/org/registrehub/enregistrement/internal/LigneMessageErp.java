package org.registrehub.enregistrement.internal;

import java.time.Instant;

/** A row of {@code message_erp}; the errors as the JSON text stored. */
public record LigneMessageErp(String organisation, String messageId, String type, String statut, String numeroUnique,
                              String erreurs, Instant traiteLe, String empreinte) {
}
