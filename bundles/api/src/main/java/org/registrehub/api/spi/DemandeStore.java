package org.registrehub.api.spi;

import java.util.List;
import java.util.Optional;

import org.registrehub.api.Demande;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;

/** Persistence of demands. Implemented by the store bundle on PostgreSQL. */
public interface DemandeStore {

    /**
     * Inserts a new demand, its first history entry and its event in one transaction: all or nothing.
     *
     * @throws org.registrehub.api.RegistreIndisponibleException if the database is unreachable
     */
    void inserer(Demande demande, EntreeHistorique creation, EvenementDemande evenement);

    /**
     * Replaces a demand whose version is still {@code versionAttendue}, with its history entry and its event, in one
     * transaction. The stored version becomes {@code versionAttendue + 1}.
     *
     * @throws org.registrehub.api.VersionObsoleteException    if the stored version is another one (nothing written)
     * @throws org.registrehub.api.DemandeIntrouvableException if there is no such demand
     */
    void mettreAJour(Demande demande, long versionAttendue, EntreeHistorique entree, EvenementDemande evenement);

    Optional<Demande> trouver(String numeroUnique);

    /** The history of a demand, oldest first (empty if the demand does not exist). */
    List<EntreeHistorique> historique(String numeroUnique);
}
