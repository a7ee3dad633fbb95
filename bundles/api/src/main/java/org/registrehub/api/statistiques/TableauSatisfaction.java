package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/**
 * Délai moyen de satisfaction (filing → attribution) and share satisfied within a year, by group.
 * <p>{@code secret}: the cells masked by the secret statistique ({@link Secret#AUCUN} inside the circle).
 */
public record TableauSatisfaction(LocalDate debut, LocalDate fin, Granularite granularite,
                                  List<LigneSatisfaction> lignes, Secret secret) {

    public TableauSatisfaction {
        lignes = List.copyOf(lignes);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    /** A table read inside the circle: nothing masked. */
    public TableauSatisfaction(LocalDate debut, LocalDate fin, Granularite granularite, List<LigneSatisfaction> lignes) {
        this(debut, fin, granularite, lignes, Secret.AUCUN);
    }

    public LigneSatisfaction total() {
        return new LigneSatisfaction("TOTAL", lignes.stream().mapToLong(LigneSatisfaction::attributions).sum(),
                lignes.stream().mapToLong(LigneSatisfaction::joursCumules).sum(),
                lignes.stream().mapToLong(LigneSatisfaction::satisfaitesEnUnAn).sum());
    }
}
