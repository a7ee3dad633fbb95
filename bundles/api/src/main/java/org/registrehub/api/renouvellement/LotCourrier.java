package org.registrehub.api.renouvellement;

import java.math.BigDecimal;

/**
 * A print-ready PDF batch of letters of one guichet: one letter a page, addressed for a window envelope.
 *
 * @param nature           {@code AVIS} (renewal notices) or {@code NON_REPONSE} (traceable letters)
 * @param fichier          the PDF written
 * @param lettres          number of letters (= pages)
 * @param affranchissement postage estimate (euros)
 */
public record LotCourrier(String guichet, String nature, String fichier, int lettres, BigDecimal affranchissement) {
}
