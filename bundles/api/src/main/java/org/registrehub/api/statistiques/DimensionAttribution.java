package org.registrehub.api.statistiques;

import java.util.List;

/**
 * A breakdown of the satisfied demands (radiated for attribution in a period). The first four are those of the
 * pending demands, read on the satisfied ones (the typology is the first wished); {@code PRIORITE} is the household's
 * first legal priority category — DALO when the lease says so, then the categories of the dossier in this order —;
 * {@code DELAI} the waiting time from filing to the lease; {@code RESERVATAIRE} and {@code BAILLEUR} those the lease
 * names (their modalities are the values met).
 */
public enum DimensionAttribution {
    TYPOLOGIE("Typologie souhaitée", Dimension.TYPOLOGIE.modalites()),
    COMPOSITION("Composition du ménage", Dimension.COMPOSITION.modalites()),
    REVENU_PLAFOND("Revenu fiscal / plafond PLUS", Dimension.REVENU_PLAFOND.modalites()),
    MUTATION("Mutation ou premier accès", Dimension.MUTATION.modalites()),
    PRIORITE("Catégorie prioritaire", List.of("DALO", "HANDICAP", "SANS_LOGEMENT", "HEBERGE", "VIOLENCES",
            "LOGEMENT_INDIGNE", "SANS_PRIORITE")),
    DELAI("Délai d'attente", List.of("MOINS_DE_3_MOIS", "3_A_6_MOIS", "6_A_12_MOIS", "1_A_2_ANS", "2_A_5_ANS",
            "5_ANS_ET_PLUS")),
    RESERVATAIRE("Réservataire", List.of()),
    BAILLEUR("Bailleur", List.of());

    private final String libelle;
    private final List<String> modalites;

    DimensionAttribution(String libelle, List<String> modalites) {
        this.libelle = libelle;
        this.modalites = modalites;
    }

    public String libelle() {
        return libelle;
    }

    /** The fixed modalities in their order; empty when they are the values met ({@link #ouverte()}). */
    public List<String> modalites() {
        return modalites;
    }

    public boolean ouverte() {
        return modalites.isEmpty();
    }
}
