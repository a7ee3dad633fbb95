package org.registrehub.api.dossier;

import org.registrehub.api.RegistreException;

/**
 * A file refused at upload: nothing is stored. The message names the rule (type, size, content) in French.
 */
public class PieceRefuseeException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "PIECE_REFUSEE";

    private final String regle;

    public PieceRefuseeException(String regle, String message) {
        super(CODE, message);
        this.regle = regle;
    }

    /** The rule broken: {@code type}, {@code taille}, {@code contenu}, {@code nombre}. */
    public String regle() {
        return regle;
    }
}
