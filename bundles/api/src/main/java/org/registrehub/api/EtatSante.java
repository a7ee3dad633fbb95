package org.registrehub.api;

import java.time.Instant;

/**
 * Health of one component of the hub, as shown by the health endpoint and {@code registre:sante}.
 *
 * @param composant name of the component, e.g. {@code base-de-donnees}
 * @param statut    {@code UP}, {@code DOWN} or {@code STARTING}
 * @param message   human-readable detail in French
 * @param depuis    when the component entered this status
 */
public record EtatSante(String composant, Statut statut, String message, Instant depuis) {

    /** Health status of a component. */
    public enum Statut { UP, DOWN, STARTING }

    public boolean disponible() {
        return statut == Statut.UP;
    }

    /** The next state of this component: {@code depuis} stays while the status does not change. */
    public EtatSante suivant(Statut nouveau, String detail, Instant maintenant) {
        return new EtatSante(composant, nouveau, detail, nouveau == statut ? depuis : maintenant);
    }

    /**
     * A component made of routes (a Camel context): UP with {@code detail} once its context and every route are
     * started, STARTING otherwise, saying which.
     *
     * @param contexteDemarre whether the context is started
     * @param etatContexte    its status, in words (when not started)
     * @param arretees        the routes not started
     */
    public static EtatSante routes(String composant, boolean contexteDemarre, String etatContexte,
                                   java.util.List<String> arretees, String detail, Instant depuis) {
        if (!contexteDemarre) {
            return new EtatSante(composant, Statut.STARTING, "routes en démarrage (contexte " + etatContexte + ")",
                    depuis);
        }
        return arretees.isEmpty() ? new EtatSante(composant, Statut.UP, detail, depuis)
                : new EtatSante(composant, Statut.STARTING, "routes pas démarrées : " + String.join(", ", arretees),
                        depuis);
    }
}
