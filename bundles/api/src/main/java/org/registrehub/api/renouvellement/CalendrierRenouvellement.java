package org.registrehub.api.renouvellement;

import java.time.LocalDate;

/**
 * Computes the renewal dates with each territory's rules. Months are calendar months: a date that does not exist in
 * the target month becomes that month's last day (a demand valid until 31 March gets its one-month notice on the last
 * day of February: the 28th, or the 29th in a leap year), so a notice is never less than the lead time before expiry.
 */
public interface CalendrierRenouvellement {

    /** The rules of a territory (its own, or the default ones). */
    ReglesRenouvellement regles(String territoire);

    /**
     * The dates of a demand of {@code territoire} valid until {@code finValidite}, filed on {@code dateDepot} and last
     * renewed on {@code dernierRenouvellement} (null if never).
     */
    Echeances echeances(String territoire, LocalDate dateDepot, LocalDate dernierRenouvellement,
                        LocalDate finValidite);

    /**
     * The latest end of validity whose notice is due on {@code jour}: the campaign of that day notifies the demands of
     * the territory valid until this date at the latest (month ends included: on 28 February 2027, with a one-month
     * notice, the demands valid until 31 March).
     */
    LocalDate finValiditeAviseeJusquau(String territoire, LocalDate jour);

    /** The last day an answer to a traceable letter sent on {@code envoi} is awaited before NON_REPONSE. */
    LocalDate finAttenteReponse(String territoire, LocalDate envoi);
}
