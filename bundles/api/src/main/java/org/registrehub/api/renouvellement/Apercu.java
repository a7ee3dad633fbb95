package org.registrehub.api.renouvellement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a day's campaign would do, by guichet (nothing written, nothing sent).
 *
 * @param jour     the day of the campaign
 * @param guichets one line per guichet with something to do, by guichet code
 */
public record Apercu(LocalDate jour, List<ApercuGuichet> guichets) {

    public Apercu {
        guichets = List.copyOf(guichets);
    }

    /** The totals of every guichet, as a line with the guichet {@code TOTAL}. */
    public ApercuGuichet total() {
        return guichets.stream().reduce(new ApercuGuichet("TOTAL", 0, 0, 0, 0, 0, BigDecimal.ZERO),
                ApercuGuichet::plus);
    }
}
