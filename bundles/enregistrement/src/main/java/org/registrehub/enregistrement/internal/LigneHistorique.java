package org.registrehub.enregistrement.internal;

import java.time.Instant;

/** One {@code demande_historique} row; the changes stay JSON text until the store turns them into records. */
public record LigneHistorique(String numeroUnique, long version, Instant horodatage, String operation, String acteur,
                              String canal, String changements, String commentaire) {
}
