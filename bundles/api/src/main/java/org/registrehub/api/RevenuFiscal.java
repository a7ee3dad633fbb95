package org.registrehub.api;

/**
 * Reference taxable income of the household (revenu fiscal de référence), in euros per year.
 *
 * @param anneeN2 income of year N-2 (the one the ceilings apply to)
 * @param anneeN1 income of year N-1, when known
 */
public record RevenuFiscal(Integer anneeN2, Integer anneeN1) {
}
