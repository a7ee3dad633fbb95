package org.registrehub.api.renouvellement;

import java.time.LocalDate;

/**
 * Where a running campaign stands, as it reports it after each batch: what it has done so far on this node's run.
 *
 * @param jour       the campaign's day
 * @param courriels  notices sent by email
 * @param lettres    notices to go by letter (in their guichet's batch, printed at the end)
 * @param radiations demands radiated (non-renouvellement, non-réponse)
 * @param etape      what it does now, in words ("avis du 044", "radiations du 059", "impression des lettres")
 * @since 1.3.0
 */
public record AvancementCampagne(LocalDate jour, long courriels, long lettres, long radiations, String etape) {

    /** Notices and radiations done: what a preview's {@code courriels + lettres + radiations} announced. */
    public long fait() {
        return courriels + lettres + radiations;
    }
}
