package org.registrehub.enregistrement.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.Personne;
import org.registrehub.api.Statut;
import org.registrehub.api.Tri;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.registre.spi.DemandeStore;
import org.registrehub.api.registre.spi.DemandeStore.DoublonSitue;

/** The store's contract in memory (version check included), for the rules of the service; the real one is tested on
 * PostgreSQL in the store bundle and end to end in the integration tests. */
final class StoreMemoire implements DemandeStore, AuditStore {

    final List<EntreeAudit> audits = new ArrayList<>();

    @Override
    public void auditer(EntreeAudit entree) {
        audits.add(entree);
    }

    @Override
    public PageAudit rechercher(CriteresAudit criteres, Set<String> territoires, int page, int taille) {
        return new PageAudit(audits, page, taille, audits.size());
    }


    final Map<String, Demande> demandes = new LinkedHashMap<>();
    final Map<String, List<EntreeHistorique>> historiques = new LinkedHashMap<>();
    final List<EvenementDemande> evenements = new ArrayList<>();

    @Override
    public void inserer(Demande demande, EntreeHistorique creation, EvenementDemande evenement,
                        Set<String> doublonsConnus, org.registrehub.api.MessageRecu recu) {
        List<Doublon> nouveaux = doublons(demande.dossier().demandeur()).stream().map(DoublonSitue::doublon)
                .filter(d -> !doublonsConnus.contains(d.numeroUnique())).toList();
        if (!nouveaux.isEmpty()) {
            throw new DoublonPresumeException(nouveaux);
        }
        demandes.put(demande.numeroUnique(), demande);
        historiques.computeIfAbsent(demande.numeroUnique(), k -> new ArrayList<>()).add(creation);
        evenements.add(evenement);
    }

    @Override
    public void mettreAJour(Demande demande, long versionAttendue, EntreeHistorique entree, EvenementDemande evenement,
                            org.registrehub.api.MessageRecu recu) {
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

    /** Same NIR, or the same name, first names and birth date (the real store also ignores accents and case). */
    @Override
    public List<DoublonSitue> doublons(Personne p) {
        return demandes.values().stream().filter(d -> d.statut() == Statut.ACTIVE).filter(d -> {
            Personne x = d.dossier().demandeur();
            return p.nir() != null && p.nir().equals(x.nir()) || p.nom().equals(x.nom())
                    && p.prenoms().equals(x.prenoms()) && p.dateNaissance().equals(x.dateNaissance());
        }).map(d -> new Doublon(d.numeroUnique(), p.nir() != null && p.nir().equals(d.dossier().demandeur().nir())
                ? Doublon.NIR : Doublon.IDENTITE, d.guichet(), d.dateDepot())).map(x -> {
                    Demande d = demandes.get(x.numeroUnique());
                    return new DoublonSitue(x, d.territoire(), d.dossier().logementRecherche().communes());
                }).toList();
    }

    /** Searches are the real store's (tested on PostgreSQL); here the last request is only recorded. */
    Object[] derniereRecherche;

    @Override
    public PageDemandes rechercher(CriteresRecherche criteres, Set<String> territoires, Set<String> communes, Tri tri,
                                   int page, int taille, int totalMax) {
        derniereRecherche = new Object[] {criteres, tri, page, taille, totalMax, territoires, communes};
        return new PageDemandes(List.of(), page, taille, 0, true);
    }

    @Override
    public List<String> guichets(String territoire) {
        return demandes.values().stream().filter(d -> d.territoire().equals(territoire)).map(Demande::guichet)
                .distinct().sorted().toList();
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
