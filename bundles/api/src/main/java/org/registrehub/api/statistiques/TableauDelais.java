package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/**
 * Demands above the délai anormalement long at the end of {@code jour}: a line per département and typology.
 * <p>{@code secret}: the cells masked by the secret statistique ({@link Secret#AUCUN} inside the circle).
 */
public record TableauDelais(LocalDate jour, List<LigneDelai> lignes, Secret secret) {

    public TableauDelais {
        lignes = List.copyOf(lignes);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    /** A table read inside the circle: nothing masked. */
    public TableauDelais(LocalDate jour, List<LigneDelai> lignes) {
        this(jour, lignes, Secret.AUCUN);
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
