package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A breakdown of the demands pending at the end of {@code jour}, by group. */
public record Repartition(Dimension dimension, LocalDate jour, Granularite granularite,
                          List<LigneRepartition> lignes) {

    public Repartition {
        lignes = List.copyOf(lignes);
    }

    public LigneRepartition total() {
        Map<String, Long> somme = new LinkedHashMap<>();
        for (String m : dimension.modalites()) {
            somme.put(m, lignes.stream().mapToLong(l -> l.effectif(m)).sum());
        }
        return new LigneRepartition("TOTAL", somme);
    }
}
