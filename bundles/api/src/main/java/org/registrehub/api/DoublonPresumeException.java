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
    private final List<DoublonAilleurs> ailleurs;

    /** Duplicates all told in full (the store's own check, before the caller's perimeter is applied). */
    public DoublonPresumeException(List<Doublon> doublons) {
        this(doublons, List.of());
    }

    /**
     * @param doublons the duplicates within the caller's perimeter, told in full
     * @param ailleurs the others, told only by territory and number
     */
    public DoublonPresumeException(List<Doublon> doublons, List<DoublonAilleurs> ailleurs) {
        super(CODE, message(doublons, ailleurs));
        this.doublons = List.copyOf(doublons);
        this.ailleurs = List.copyOf(ailleurs);
    }

    private static String message(List<Doublon> doublons, List<DoublonAilleurs> ailleurs) {
        int total = doublons.size() + ailleurs.stream().mapToInt(DoublonAilleurs::nombre).sum();
        StringBuilder m = new StringBuilder("Le demandeur a déjà ")
                .append(total == 1 ? "une demande active" : "des demandes actives").append(" : ");
        m.append(java.util.stream.Stream.concat(doublons.stream().map(d -> d.numeroUnique() + " (même "
                + (Doublon.NIR.equals(d.critere()) ? "NIR" : "nom, prénom et date de naissance") + ", guichet "
                + d.guichet() + ", déposée le " + d.dateDepot() + ")"), ailleurs.stream().map(a -> a.nombre()
                + (a.nombre() == 1 ? " demande" : " demandes") + " hors de votre périmètre (territoire "
                + a.territoire() + ")")).collect(Collectors.joining(", ")));
        return m.append(". Rien n'a été enregistré ; pour enregistrer tout de même une nouvelle demande, renvoyez-la"
                + " avec une justification (justificationDoublon).").toString();
    }

    /** The duplicates within the caller's perimeter. */
    public List<Doublon> getDoublons() {
        return doublons;
    }

    /** The duplicates outside the caller's perimeter, by territory. */
    public List<DoublonAilleurs> getAilleurs() {
        return ailleurs;
    }
}
