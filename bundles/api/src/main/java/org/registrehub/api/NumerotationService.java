package org.registrehub.api;

import java.time.LocalDate;

/**
 * Allocates numéros uniques. A number is allocated exactly once, even under concurrency and across several hub nodes,
 * and is never reused.
 */
public interface NumerotationService {

    /**
     * Allocates the next numéro unique for a demand filed on {@code dateDepot} at {@code guichet} for a commune.
     *
     * @param commune   INSEE code of the first wished commune; its département gives the territory code
     * @param guichet   code of the registering guichet
     * @param dateDepot filing date (its month and year are part of the number)
     * @return the 18-character numéro unique {@code DDDMMYYNNNNNNGGGGG}
     */
    String attribuer(String commune, String guichet, LocalDate dateDepot);
}
