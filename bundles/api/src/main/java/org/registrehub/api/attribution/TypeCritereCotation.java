package org.registrehub.api.attribution;

/** What a criterion of a cotation grid looks at in a demand. */
public enum TypeCritereCotation {
    /** a legal priority category shown by the dossier ({@code valeur}: HANDICAP, SANS_LOGEMENT, HEBERGE, VIOLENCES, LOGEMENT_INDIGNE) */
    PRIORITE(true),
    /** a DALO recourse recognised priority and urgent */
    DALO(false),
    /** a motive of the demand ({@code valeur}: a {@link org.registrehub.api.Motif}) */
    MOTIF(true),
    /** the current housing status ({@code valeur}: a {@link org.registrehub.api.StatutLogement}) */
    STATUT_LOGEMENT(true),
    /** already a social tenant */
    MUTATION(false),
    /** points for each whole month since the filing ({@code plafond} caps them) */
    ANCIENNETE_MOIS(false),
    /** points for each dependant ({@code plafond} caps them) */
    PERSONNE_A_CHARGE(false);

    private final boolean avecValeur;

    TypeCritereCotation(boolean avecValeur) {
        this.avecValeur = avecValeur;
    }

    /** The criterion names a value (a category, a motive, a status). */
    public boolean avecValeur() {
        return avecValeur;
    }

    /** Its points count per unit (month, dependant) and may be capped. */
    public boolean parUnite() {
        return this == ANCIENNETE_MOIS || this == PERSONNE_A_CHARGE;
    }
}
