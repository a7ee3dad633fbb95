package org.registrehub.api.spi;

import java.util.Optional;

import org.registrehub.api.Canal;
import org.registrehub.api.Demande;
import org.registrehub.api.EvenementDemande;

/** Persistence of demands. Implemented by the store bundle on PostgreSQL. */
public interface DemandeStore {

    /**
     * Inserts a demand, created through {@code canal}, and its event in one transaction: either both are written or neither.
     *
     * @throws org.registrehub.api.RegistreIndisponibleException if the database is unreachable
     */
    void inserer(Demande demande, Canal canal, EvenementDemande evenement);

    Optional<Demande> trouver(String numeroUnique);
}
