package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/** Demands above the délai anormalement long at the end of {@code jour}: a line per département and typology. */
public record TableauDelais(LocalDate jour, List<LigneDelai> lignes) {

    public TableauDelais {
        lignes = List.copyOf(lignes);
    }

    /** One line per département, every typology together. */
    public List<LigneDelai> parDepartement() {
        return lignes.stream().map(LigneDelai::departement).distinct()
                .map(d -> lignes.stream().filter(l -> l.departement().equals(d))
                        .reduce(new LigneDelai(d, "TOTAL", 0, 0, 0), (a, b) -> new LigneDelai(d, "TOTAL", 0,
                                a.enAttente() + b.enAttente(), a.auDela() + b.auDela())))
                .toList();
    }

    public LigneDelai total() {
        return new LigneDelai("TOTAL", "TOTAL", 0, lignes.stream().mapToLong(LigneDelai::enAttente).sum(),
                lignes.stream().mapToLong(LigneDelai::auDela).sum());
    }
}
