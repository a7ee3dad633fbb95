package org.registrehub.api;

import java.util.List;
import java.util.stream.Collectors;

/** The submitted data break one or more rules; nothing was written. */
public class DemandeInvalideException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "DEMANDE_INVALIDE";

    private final List<ErreurChamp> erreurs;

    public DemandeInvalideException(List<ErreurChamp> erreurs) {
        super(CODE, "La demande est invalide : " + erreurs.stream().map(ErreurChamp::toString)
                .collect(Collectors.joining(" ; ")));
        this.erreurs = List.copyOf(erreurs);
    }

    public List<ErreurChamp> getErreurs() {
        return erreurs;
    }
}
