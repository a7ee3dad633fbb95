package org.registrehub.api.statistiques;

/**
 * The data-quality indicators of the pending demands of a guichet (the guichet that registered them), each with the
 * definition the store applies. "Aujourd'hui" is the day the table is computed for.
 */
public enum IndicateurQualite {
    REVENUS_ABSENTS("Ressources absentes", "Aucune ligne de ressources mensuelles dans le dossier."),
    REVENU_FISCAL_ABSENT("Revenu fiscal absent", "Revenu fiscal de référence N-2 non renseigné."),
    RESSOURCE_SANS_MONTANT("Ressource sans montant",
            "Au moins une ligne de ressources sans montant mensuel ou avec un montant nul."),
    NIR_ABSENT("NIR absent", "Numéro d'inscription au répertoire (NIR) du demandeur non renseigné."),
    COURRIEL_ABSENT("Courriel absent", "Pas d'adresse électronique : l'avis de renouvellement partira par courrier."),
    TELEPHONE_ABSENT("Téléphone absent", "Pas de numéro de téléphone."),
    ADRESSE_INCOMPLETE("Adresse incomplète", "Adresse, code postal ou ville du contact manquant."),
    COMMUNE_INVALIDE("Commune invalide",
            "Première commune souhaitée hors du département de la demande, ou code INSEE impossible (se terminant "
                    + "par 000)."),
    TYPOLOGIE_INCOHERENTE("Typologie incohérente avec le ménage",
            "Chambre ou T1 pour un ménage de 3 personnes ou plus, T2 pour 5 personnes ou plus, T5 ou plus pour une "
                    + "personne seule (première typologie souhaitée)."),
    SITUATION_PROFESSIONNELLE_ABSENTE("Situation professionnelle absente",
            "Situation professionnelle du demandeur non renseignée."),
    LOGEMENT_ACTUEL_ABSENT("Logement actuel absent", "Statut du logement actuel non renseigné."),
    MOTIF_ABSENT("Motif absent", "Aucun motif de la demande."),
    DATE_NAISSANCE_IMPROBABLE("Date de naissance improbable",
            "Demandeur de moins de 16 ans ou de plus de 100 ans aujourd'hui."),
    EXPIRANT_SANS_AVIS("Expire sans avis",
            "Fin de validité dans le mois qui vient (ou passée) et aucun avis de renouvellement enregistré pour "
                    + "cette fin de validité."),
    VALIDITE_DEPASSEE("Validité dépassée", "Demande encore active après sa date de fin de validité."),
    RENOUVELLEMENT_TARDIF("Renouvellement tardif",
            "Demande réactivée dans les 12 derniers mois après une radiation pour non-renouvellement."),
    DOUBLON_PROBABLE("Doublon probable",
            "Une autre demande active a la même identité normalisée (noms, prénoms) et la même date de naissance, "
                    + "ou le même NIR."),
    SANS_MODIFICATION_DEPUIS_UN_AN("Aucune mise à jour depuis un an",
            "Ni modification ni renouvellement depuis plus de 12 mois.");

    private final String libelle;
    private final String definition;

    IndicateurQualite(String libelle, String definition) {
        this.libelle = libelle;
        this.definition = definition;
    }

    public String libelle() {
        return libelle;
    }

    public String definition() {
        return definition;
    }
}
