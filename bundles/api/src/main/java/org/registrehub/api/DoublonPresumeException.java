package org.registrehub.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The applicant already has an active demand: nothing was written. The caller may register anyway by giving a
 * justification ({@link NouvelleDemande#justificationDoublon()}), which is kept in the history.
 */
public class DoublonPresumeException extends RegistreException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "DOUBLON_PRESUME";

    private final List<Doublon> doublons;

    public DoublonPresumeException(List<Doublon> doublons) {
        super(CODE, "Le demandeur a déjà " + (doublons.size() == 1 ? "une demande active" : "des demandes actives")
                + " : " + doublons.stream().map(d -> d.numeroUnique() + " (même " + (Doublon.NIR.equals(d.critere())
                        ? "NIR" : "nom, prénom et date de naissance") + ", guichet " + d.guichet() + ", déposée le "
                        + d.dateDepot() + ")").collect(Collectors.joining(", "))
                + ". Rien n'a été enregistré ; pour enregistrer tout de même une nouvelle demande, renvoyez-la avec"
                + " une justification (justificationDoublon).");
        this.doublons = List.copyOf(doublons);
    }

    public List<Doublon> getDoublons() {
        return doublons;
    }
}
