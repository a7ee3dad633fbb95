package org.registrehub.api;

/**
 * Reports the health of one component; each component that can fail on its own registers one, with the service
 * property {@value #PROPRIETE_COMPOSANT} set to its name. A bundle that reports components names them in its manifest
 * header {@value #EN_TETE_COMPOSANTS} (comma-separated): while such a bundle is installed, the hub's health
 * ({@link SanteHub}) expects each of them, and a component not (yet, or no longer) registered is not ready.
 */
public interface SanteService {

    /** Service property: the name of the component reported, e.g. {@code base-de-donnees}. */
    String PROPRIETE_COMPOSANT = "composant";

    /** Manifest header of a bundle: the components it reports, comma-separated. */
    String EN_TETE_COMPOSANTS = "Registre-Sante";

    EtatSante etat();
}
