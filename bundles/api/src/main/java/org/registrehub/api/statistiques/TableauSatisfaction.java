package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/** Délai moyen de satisfaction (filing → attribution) and share satisfied within a year, by group. */
public record TableauSatisfaction(LocalDate debut, LocalDate fin, Granularite granularite,
                                  List<LigneSatisfaction> lignes) {

    public TableauSatisfaction {
        lignes = List.copyOf(lignes);
    }

    public LigneSatisfaction total() {
        return new LigneSatisfaction("TOTAL", lignes.stream().mapToLong(LigneSatisfaction::attributions).sum(),
                lignes.stream().mapToLong(LigneSatisfaction::joursCumules).sum(),
                lignes.stream().mapToLong(LigneSatisfaction::satisfaitesEnUnAn).sum());
    }
}
