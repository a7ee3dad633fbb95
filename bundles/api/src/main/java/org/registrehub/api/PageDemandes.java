package org.registrehub.api;

import java.util.List;

/**
 * One page of search results.
 *
 * @param demandes      the demands of this page
 * @param page          number of this page, from 0
 * @param taille        page size asked
 * @param total         number of matching demands, counted up to {@code TOTAL_MAX}
 * @param totalExact    false when there are more than {@code TOTAL_MAX} matches (then {@code total} is that bound)
 */
public record PageDemandes(List<ResumeDemande> demandes, int page, int taille, long total, boolean totalExact) {

    /** Matches are counted up to this number (beyond, "more than 10 000" is all a user needs). */
    public static final int TOTAL_MAX = 10_000;
}
