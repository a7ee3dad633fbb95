package org.registrehub.api;

import java.util.List;
import java.util.stream.Collectors;

/** The submitted data break one or more rules; nothing was written. */
public class DemandeInvalideException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "DEMANDE_INVALIDE";
    public static final String SUJET_DEMANDE = "La demande";

    private final List<ErreurChamp> erreurs;

    private final String sujet;

    public DemandeInvalideException(List<ErreurChamp> erreurs) {
        this(SUJET_DEMANDE, erreurs);
    }

    /**
     * Data other than a demand break the register's rules (a dwelling, a search...).
     *
     * @param sujet what was submitted, as the message starts ("Le logement")
     */
    public DemandeInvalideException(String sujet, List<ErreurChamp> erreurs) {
        super(CODE, sujet + " est invalide : " + erreurs.stream().map(ErreurChamp::toString)
                .collect(Collectors.joining(" ; ")));
        this.erreurs = List.copyOf(erreurs);
        this.sujet = sujet;
    }

    /** What was submitted: {@value #SUJET_DEMANDE} for a demand. */
    public String getSujet() {
        return sujet;
    }

    public List<ErreurChamp> getErreurs() {
        return erreurs;
    }
}
