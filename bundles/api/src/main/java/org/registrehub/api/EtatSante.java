package org.registrehub.api;

import java.time.Instant;

/**
 * Health of one component of the hub, as shown by the health endpoint and {@code registre:health}.
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
}
