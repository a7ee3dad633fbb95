package org.registrehub.api;

/** No demand carries the requested numéro unique. */
public class DemandeIntrouvableException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "DEMANDE_INTROUVABLE";

    private final String numeroUnique;

    public DemandeIntrouvableException(String numeroUnique) {
        super(CODE, "Aucune demande ne porte le numéro unique « " + numeroUnique + " ».");
        this.numeroUnique = numeroUnique;
    }

    public String getNumeroUnique() {
        return numeroUnique;
    }
}
