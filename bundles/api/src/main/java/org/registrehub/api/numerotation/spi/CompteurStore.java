package org.registrehub.api.numerotation.spi;

/** Database counters behind the numéro unique: one counter per territory and month, never decremented. */
public interface CompteurStore {

    /**
     * Increments and returns the counter of a territory and month in its own committed transaction, so that the
     * value is never handed out twice, whatever the number of hub nodes.
     *
     * @param territoire territory code, 3 characters ({@code 044}, {@code 02A}, {@code 974})
     * @param moisAnnee  month and year of filing, {@code MMYY}
     */
    long suivant(String territoire, String moisAnnee);

    /**
     * Reserves {@code nombre} consecutive values of a counter in one committed transaction and returns the last
     * one (the first is {@code last - nombre + 1}): the bulk imports number a batch in one statement.
     */
    default long reserver(String territoire, String moisAnnee, int nombre) {
        throw new UnsupportedOperationException("compteurs sans réservation par lot");
    }

    /**
     * Raises the counter of a territory and month to at least {@code valeur}: a number given outside the hub's
     * counters (by the national register, or an imported one) is never handed out again by them.
     */
    default void atteindre(String territoire, String moisAnnee, long valeur) {
        throw new UnsupportedOperationException("compteurs sans plancher");
    }
}
