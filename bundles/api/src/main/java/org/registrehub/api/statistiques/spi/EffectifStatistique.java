package org.registrehub.api.statistiques.spi;

/** A count of the statistics store: demands of group {@code code} in modality {@code modalite}. */
public record EffectifStatistique(String code, String modalite, long n) {
}
