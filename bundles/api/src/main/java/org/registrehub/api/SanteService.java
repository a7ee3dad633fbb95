package org.registrehub.api;

/** Reports the health of a component; each component that can fail on its own registers one. */
public interface SanteService {

    EtatSante etat();
}
