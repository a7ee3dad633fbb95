package org.registrehub.api.statistiques;

import java.util.List;

/**
 * A breakdown of the pending demands, with its modalities in the order they are shown. Ages and ancienneté are those
 * of the day asked; the income is the revenu fiscal de référence N-2 against the PLUS ceiling of the household
 * (category by household size, Île-de-France scale for its départements).
 */
public enum Dimension {
    TYPOLOGIE("Typologie souhaitée", List.of("CHAMBRE", "T1", "T2", "T3", "T4", "T5", "T6_PLUS")),
    TAILLE_MENAGE("Taille du ménage", List.of("1", "2", "3", "4", "5", "6+")),
    COMPOSITION("Composition du ménage", List.of("PERSONNE_SEULE", "SEUL_AVEC_PERSONNES_A_CHARGE",
            "DEUX_DEMANDEURS_SANS_PERSONNE_A_CHARGE", "DEUX_DEMANDEURS_AVEC_PERSONNES_A_CHARGE")),
    AGE("Âge du demandeur", List.of("MOINS_DE_25", "25_29", "30_39", "40_49", "50_64", "65_ET_PLUS")),
    REVENU_PLAFOND("Revenu fiscal / plafond PLUS", List.of("JUSQU_A_60", "60_A_100", "100_A_130", "PLUS_DE_130",
            "INCONNU")),
    MUTATION("Mutation (déjà locataire HLM)", List.of("MUTATION", "HORS_MUTATION")),
    ANCIENNETE("Ancienneté de la demande", List.of("MOINS_DE_1_AN", "1_A_2_ANS", "2_A_3_ANS", "3_A_5_ANS",
            "5_A_10_ANS", "10_ANS_ET_PLUS"));

    private final String libelle;
    private final List<String> modalites;

    Dimension(String libelle, List<String> modalites) {
        this.libelle = libelle;
        this.modalites = modalites;
    }

    public String libelle() {
        return libelle;
    }

    public List<String> modalites() {
        return modalites;
    }
}
