package org.registrehub.api.attribution;

/** The criteria a candidate is matched on, in the order the explanation lists them. */
public enum CritereRapprochement {
    COMMUNE("Commune souhaitée"),
    TYPOLOGIE("Typologie souhaitée"),
    OCCUPATION("Taille du ménage et typologie"),
    PLAFOND_RESSOURCES("Revenu fiscal et plafond du financement"),
    TAUX_EFFORT("Taux d'effort"),
    RESTE_A_VIVRE("Reste à vivre par unité de consommation"),
    ACCESSIBILITE("Accessibilité et étage"),
    LOYER_MAX("Dépense maximale souhaitée"),
    PRIORITE("Catégories prioritaires (CCH L441-1)"),
    DALO("Reconnu prioritaire DALO"),
    COTATION("Cotation"),
    ANCIENNETE("Ancienneté de la demande");

    private final String libelle;

    CritereRapprochement(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
