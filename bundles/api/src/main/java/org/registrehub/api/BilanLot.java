package org.registrehub.api;

import java.util.List;

/**
 * What one batch of an import did.
 *
 * @param importees     demands created
 * @param dejaImportees lines whose departmental number was imported before (nothing done: idempotent re-import)
 * @param rejets        lines refused, with their reason
 */
public record BilanLot(int importees, int dejaImportees, List<LigneRejetee> rejets) {

    public BilanLot {
        rejets = rejets == null ? List.of() : List.copyOf(rejets);
    }
}
