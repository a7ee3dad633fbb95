package org.registrehub.api.renouvellement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of a day's campaign.
 *
 * @param etat      {@code EN_COURS} (running, or stopped in the middle: it resumes), {@code TERMINEE}
 * @param noeud     the hub node that holds (or held) the campaign
 * @param guichets  what was done by guichet (letters counted once their batch is written)
 * @param incertains emails whose sending was interrupted (node stopped between the SMTP server's answer and the
 *                  record): never sent again, listed for a check
 * @param echecs    emails the SMTP server refused (address rejected): the notice goes by letter instead
 * @param lots      the print-ready letter batches
 */
public record BilanCampagne(long id, LocalDate jour, String etat, String noeud, Instant debut, Instant fin,
                            List<ApercuGuichet> guichets, long incertains, long echecs, List<LotCourrier> lots,
                            String erreur) {

    public static final String EN_COURS = "EN_COURS";
    public static final String TERMINEE = "TERMINEE";

    public BilanCampagne {
        guichets = List.copyOf(guichets);
        lots = List.copyOf(lots);
    }

    /** The totals of every guichet. */
    public ApercuGuichet total() {
        return new Apercu(jour, guichets).total();
    }
}
