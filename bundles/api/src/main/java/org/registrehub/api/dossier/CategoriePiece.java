package org.registrehub.api.dossier;

/**
 * The kinds of supporting documents a demand may carry: the list the decree fixes (arrêté du 22 décembre 2020 on the
 * documents a landlord may ask for); nothing else may be required.
 */
public enum CategoriePiece {
    /** identity of each adult of the household */
    IDENTITE("Pièce d'identité"),
    /** right of residence for a foreign national */
    SEJOUR("Titre de séjour"),
    /** tax notices (revenu fiscal de référence) */
    AVIS_IMPOSITION("Avis d'imposition"),
    /** resources of the last months (pay slips, pensions, benefits) */
    RESSOURCES("Justificatif de ressources"),
    /** family situation (family record book, divorce judgment, PACS) */
    SITUATION_FAMILIALE("Situation familiale"),
    /** professional situation (contract, employer's certificate) */
    SITUATION_PROFESSIONNELLE("Situation professionnelle"),
    /** current housing (lease, rent receipt, certificate of accommodation) */
    LOGEMENT_ACTUEL("Logement actuel"),
    /** disability or reduced mobility */
    HANDICAP("Handicap");

    private final String libelle;

    CategoriePiece(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
