package org.registrehub.api.statistiques;

import java.util.Map;

/**
 * The pending demands of one group by modality.
 *
 * @param code      the group's code ({@code TOTAL} for the whole table)
 * @param effectifs demands by modality, every modality of the dimension present (zero included), in its order
 */
public record LigneRepartition(String code, Map<String, Long> effectifs) {

    public LigneRepartition {
        effectifs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effectifs));
    }

    public long total() {
        return effectifs.values().stream().mapToLong(Long::longValue).sum();
    }

    public long effectif(String modalite) {
        return effectifs.getOrDefault(modalite, 0L);
    }

    /** The share of a modality in the group, in percent (0 for an empty group). */
    public double part(String modalite) {
        long total = total();
        return total == 0 ? 0 : 100.0 * effectif(modalite) / total;
    }
}
