package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A breakdown of the demands pending at the end of {@code jour}, by group.
 * <p>{@code secret}: the cells masked by the secret statistique ({@link Secret#AUCUN} inside the circle).
 */
public record Repartition(Dimension dimension, LocalDate jour, Granularite granularite,
                          List<LigneRepartition> lignes, Secret secret) {

    public Repartition {
        lignes = List.copyOf(lignes);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    /** A table read inside the circle: nothing masked. */
    public Repartition(Dimension dimension, LocalDate jour, Granularite granularite, List<LigneRepartition> lignes) {
        this(dimension, jour, granularite, lignes, Secret.AUCUN);
    }

    public LigneRepartition total() {
        Map<String, Long> somme = new LinkedHashMap<>();
        for (String m : dimension.modalites()) {
            somme.put(m, lignes.stream().mapToLong(l -> l.effectif(m)).sum());
        }
        return new LigneRepartition("TOTAL", somme);
    }
}
