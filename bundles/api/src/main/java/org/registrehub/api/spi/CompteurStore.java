package org.registrehub.api.spi;

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
}
