package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The satisfied demands of a period (radiated for attribution from {@code debut} to {@code fin}) by group and modality
 * of {@code dimension}; {@code modalites} are the columns, in order.
 */
public record TableauAttributions(DimensionAttribution dimension, LocalDate debut, LocalDate fin,
                                  Granularite granularite, List<String> modalites, List<LigneRepartition> lignes,
                                  Secret secret) {

    public TableauAttributions {
        modalites = List.copyOf(modalites);
        lignes = List.copyOf(lignes);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    public LigneRepartition total() {
        Map<String, Long> somme = new LinkedHashMap<>();
        for (String m : modalites) {
            somme.put(m, lignes.stream().mapToLong(l -> l.effectif(m)).sum());
        }
        return new LigneRepartition("TOTAL", somme);
    }
}
