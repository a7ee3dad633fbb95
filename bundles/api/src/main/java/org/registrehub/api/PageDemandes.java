package org.registrehub.api;

import java.util.List;

/**
 * One page of search results.
 *
 * @param demandes      the demands of this page
 * @param page          number of this page, from 0
 * @param taille        page size asked
 * @param total         number of matching demands, counted up to {@link #COMPTAGE_MAX}
 * @param totalExact    false when there are more than {@link #COMPTAGE_MAX} matches (then {@code total} is that bound)
 */
public record PageDemandes(List<ResumeDemande> demandes, int page, int taille, long total, boolean totalExact) {

    /**
     * Matches are counted up to this number: beyond, "more than 1 000, refine the search" is all a user needs, and
     * counting a dense criterion (every active T3 demand wishing Nantes) up to the end would cost a scan of the
     * register at each page.
     */
    public static final int COMPTAGE_MAX = 1_000;

    /** Pages reach the first results up to this rank, sorted as asked. */
    public static final int TOTAL_MAX = 10_000;
}
