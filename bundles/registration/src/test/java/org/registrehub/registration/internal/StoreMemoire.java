package org.registrehub.registration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.spi.DemandeStore;

/** The store's contract in memory (version check included), for the rules of the service; the real one is tested on
 * PostgreSQL in the store bundle and end to end in the integration tests. */
final class StoreMemoire implements DemandeStore {

    final Map<String, Demande> demandes = new LinkedHashMap<>();
    final Map<String, List<EntreeHistorique>> historiques = new LinkedHashMap<>();
    final List<EvenementDemande> evenements = new ArrayList<>();

    @Override
    public void inserer(Demande demande, EntreeHistorique creation, EvenementDemande evenement) {
        demandes.put(demande.numeroUnique(), demande);
        historiques.computeIfAbsent(demande.numeroUnique(), k -> new ArrayList<>()).add(creation);
        evenements.add(evenement);
    }

    @Override
    public void mettreAJour(Demande demande, long versionAttendue, EntreeHistorique entree, EvenementDemande evenement) {
        Demande actuelle = demandes.get(demande.numeroUnique());
        if (actuelle == null) {
            throw new DemandeIntrouvableException(demande.numeroUnique());
        }
        if (actuelle.version() != versionAttendue) {
            throw new VersionObsoleteException(demande.numeroUnique(), versionAttendue, actuelle.version());
        }
        demandes.put(demande.numeroUnique(), demande);
        historiques.get(demande.numeroUnique()).add(entree);
        evenements.add(evenement);
    }

    @Override
    public Optional<Demande> trouver(String numeroUnique) {
        return Optional.ofNullable(demandes.get(numeroUnique));
    }

    @Override
    public List<EntreeHistorique> historique(String numeroUnique) {
        return historiques.getOrDefault(numeroUnique, List.of());
    }
}
