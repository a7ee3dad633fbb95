package org.registrehub.api;

import java.util.List;

/**
 * The hub's health as a whole: every component that an installed bundle declares (manifest header
 * {@value SanteService#EN_TETE_COMPOSANTS}) and every one registered, each with its status. UP only when every
 * expected component is registered and UP, so that a load balancer or a client waiting for the hub sends its first
 * request when every installed channel can authenticate and serve. Served by {@code /api/v1/health} and
 * {@code registre:sante}.
 */
public interface SanteHub {

    /** The status of the hub and of each component, sorted by component name. */
    Sante etat();

    /**
     * The hub's health.
     *
     * @param statut     {@code UP} when every component is UP; {@code DOWN} when one is DOWN; {@code STARTING}
     *                   otherwise (one is starting, restarting or not yet registered, or none is known yet)
     * @param composants each component, sorted by name
     */
    record Sante(EtatSante.Statut statut, List<EtatSante> composants) {

        public Sante {
            composants = List.copyOf(composants);
        }

        /** The components that are not UP, by name: what a client waits for. */
        public List<EtatSante> nonPrets() {
            return composants.stream().filter(e -> !e.disponible()).toList();
        }
    }
}
