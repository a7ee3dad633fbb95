package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality indicators of the pending demands at {@code jour}, a line per guichet.
 * <p>{@code secret}: the cells masked by the secret statistique ({@link Secret#AUCUN} inside the circle).
 */
public record TableauQualite(LocalDate jour, List<LigneQualite> lignes, Secret secret) {

    public TableauQualite {
        lignes = List.copyOf(lignes);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    /** A table read inside the circle: nothing masked. */
    public TableauQualite(LocalDate jour, List<LigneQualite> lignes) {
        this(jour, lignes, Secret.AUCUN);
    }

    public LigneQualite total() {
        Map<IndicateurQualite, Long> somme = new EnumMap<>(IndicateurQualite.class);
        for (IndicateurQualite i : IndicateurQualite.values()) {
            somme.put(i, lignes.stream().mapToLong(l -> l.valeur(i)).sum());
        }
        return new LigneQualite("TOTAL", lignes.stream().mapToLong(LigneQualite::actives).sum(), somme);
    }
}
