package org.registrehub.acces.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.Utilisateur;
import org.registrehub.api.acces.spi.IdentiteStore;

/** The identity store's contract in memory, for the rules of this bundle (the SQL is tested in the store bundle). */
final class IdentitesMemoire implements IdentiteStore {

    final Map<String, Organisation> organisations = new LinkedHashMap<>();
    /** Audit lines of the changes that happened (the real store writes them in the change's transaction). */
    final List<org.registrehub.api.acces.EntreeAudit> audits = new ArrayList<>();

    private boolean audite(boolean fait, org.registrehub.api.acces.EntreeAudit audit) {
        if (fait && audit != null) {
            audits.add(audit);
        }
        return fait;
    }
    final Map<String, Utilisateur> utilisateurs = new LinkedHashMap<>();
    final Map<String, String> empreintes = new LinkedHashMap<>();

    @Override
    public Optional<Compte> compte(String identifiant) {
        Utilisateur u = utilisateurs.get(identifiant);
        if (u == null) {
            return Optional.empty();
        }
        Organisation o = organisations.get(u.organisation());
        Utilisateur vu = new Utilisateur(u.identifiant(), u.nom(), u.organisation(), u.roles(), u.actif() && o.active(),
                u.creeLe(), u.desactiveLe());
        Set<String> communes = new TreeSet<>();
        o.territoires().forEach(t -> { if (epcis.containsKey(t)) { communes.addAll(epcis.get(t).communes()); } });
        return Optional.of(new Compte(vu, empreintes.get(identifiant), o, communes));
    }

    @Override
    public Optional<Organisation> organisation(String code) {
        return Optional.ofNullable(organisations.get(code));
    }

    @Override
    public List<Organisation> organisations() {
        return new ArrayList<>(organisations.values());
    }

    @Override
    public boolean creerOrganisation(Organisation organisation, org.registrehub.api.acces.EntreeAudit audit) {
        if (organisations.containsKey(organisation.code())) {
            return false;
        }
        organisations.put(organisation.code(), organisation);
        return audite(true, audit);
    }

    private void territoires(String code, boolean ajouter, String territoire) {
        Organisation o = organisations.get(code);
        Set<String> t = new TreeSet<>(o.territoires());
        if (ajouter) {
            t.add(territoire);
        } else {
            t.remove(territoire);
        }
        organisations.put(code, new Organisation(o.code(), o.type(), o.nom(), o.guichet(), o.active(), t));
    }

    @Override
    public void accorderTerritoire(String organisation, String territoire, org.registrehub.api.acces.EntreeAudit audit) {
        territoires(organisation, true, territoire);
        audite(true, audit);
    }

    @Override
    public void revoquerTerritoire(String organisation, String territoire, org.registrehub.api.acces.EntreeAudit audit) {
        territoires(organisation, false, territoire);
        audite(true, audit);
    }

    final Map<String, String[]> coordonnees = new LinkedHashMap<>();

    @Override
    public boolean changerCoordonnees(String organisation, String adresse, String horaires, org.registrehub.api.acces.EntreeAudit audit) {
        if (!organisations.containsKey(organisation)) {
            return false;
        }
        coordonnees.put(organisation, new String[] {adresse, horaires});
        return audite(true, audit);
    }

    final Map<String, org.registrehub.api.acces.Epci> epcis = new LinkedHashMap<>();

    @Override
    public void definirEpci(org.registrehub.api.acces.Epci epci, List<org.registrehub.api.acces.EntreeAudit> audits) {
        epcis.put(epci.code(), epci);
        audits.forEach(a -> audite(true, a));
    }

    @Override
    public List<org.registrehub.api.acces.Epci> epcis() {
        return epcis.values().stream().sorted(java.util.Comparator.comparing(org.registrehub.api.acces.Epci::nom))
                .toList();
    }

    @Override
    public Optional<org.registrehub.api.acces.Guichet> guichet(String organisation) {
        Organisation o = organisations.get(organisation);
        if (o == null || o.guichet() == null) {
            return Optional.empty();
        }
        String[] c = coordonnees.getOrDefault(organisation, new String[2]);
        return Optional.of(new org.registrehub.api.acces.Guichet(o.guichet(), o.code(), o.nom(), o.type(), c[0], c[1],
                o.territoires()));
    }

    @Override
    public Optional<org.registrehub.api.acces.Epci> epci(String code) {
        return Optional.ofNullable(epcis.get(code));
    }

    @Override
    public List<org.registrehub.api.acces.Guichet> annuaire(String territoire, String commune) {
        return organisations.values().stream().filter(o -> o.active() && o.guichet() != null
                && o.territoires().contains(territoire)).map(o -> new org.registrehub.api.acces.Guichet(o.guichet(),
                        o.code(), o.nom(), o.type(), coordonnees.getOrDefault(o.code(), new String[2])[0],
                        coordonnees.getOrDefault(o.code(), new String[2])[1], o.territoires())).toList();
    }

    @Override
    public boolean creerUtilisateur(String identifiant, String nom, String organisation, Set<Role> roles,
                                    String empreinte, org.registrehub.api.acces.EntreeAudit audit) {
        if (utilisateurs.containsKey(identifiant) || !organisations.containsKey(organisation)) {
            return false;
        }
        utilisateurs.put(identifiant, new Utilisateur(identifiant, nom, organisation, roles, true, Instant.now(), null));
        empreintes.put(identifiant, empreinte);
        return audite(true, audit);
    }

    @Override
    public List<Utilisateur> utilisateurs(String organisation) {
        return utilisateurs.values().stream().filter(u -> organisation == null || u.organisation().equals(organisation))
                .toList();
    }

    @Override
    public boolean activerUtilisateur(String identifiant, boolean actif, org.registrehub.api.acces.EntreeAudit audit) {
        Utilisateur u = utilisateurs.get(identifiant);
        if (u == null) {
            return false;
        }
        utilisateurs.put(identifiant, new Utilisateur(u.identifiant(), u.nom(), u.organisation(), u.roles(), actif,
                u.creeLe(), actif ? null : Instant.now()));
        return audite(true, audit);
    }

    @Override
    public boolean changerEmpreinte(String identifiant, String empreinte, org.registrehub.api.acces.EntreeAudit audit) {
        return audite(empreintes.replace(identifiant, empreinte) != null, audit);
    }

    @Override
    public long utilisateursActifs(Role role) {
        return utilisateurs.values().stream().filter(u -> u.actif() && u.roles().contains(role)).count();
    }
}
