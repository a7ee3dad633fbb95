package org.registrehub.acces.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Canal;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Epci;
import org.registrehub.api.acces.Guichet;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.acces.Utilisateur;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.acces.spi.IdentiteStore;
import org.registrehub.api.spi.BaseDeDonnees;

/**
 * Organisations, users, territories and the audit trail on the register's database: this bundle's SQL
 * ({@code AccesMapper.xml}), run through the shared store core; each call is one transaction.
 */
@Component(service = {IdentiteStore.class, AuditStore.class})
public class AccesPostgres implements IdentiteStore, AuditStore {

    private final BaseDeDonnees.Sessions store;

    @Activate
    public AccesPostgres(@Reference BaseDeDonnees base) {
        this.store = base.sessions(AccesMapper.class);
    }

    @Override
    public Optional<Compte> compte(String identifiant) {
        return Optional.ofNullable(store.executer("lecture du compte " + identifiant, AccesMapper.class,
                m -> m.compte(identifiant))).map(l -> new Compte(utilisateur(l), texte(l, "empreinte"),
                        organisation(l, "org_"), new TreeSet<>(liste(texte(l, "org_communes")))));
    }

    @Override
    public Optional<Organisation> organisation(String code) {
        return Optional.ofNullable(store.executer("lecture de l'organisation " + code, AccesMapper.class,
                m -> m.organisation(code))).map(l -> organisation(l, ""));
    }

    @Override
    public List<Organisation> organisations() {
        return store.executer("liste des organisations", AccesMapper.class, AccesMapper::organisations).stream()
                .map(l -> organisation(l, "")).toList();
    }

    @Override
    public boolean creerOrganisation(Organisation o, EntreeAudit audit) {
        return store.executer("création de l'organisation " + o.code(), AccesMapper.class, m -> {
            if (m.creerOrganisation(o.code(), o.type().name(), o.nom(), o.guichet(), o.active()) == 0) {
                return false;
            }
            o.territoires().forEach(t -> m.accorderTerritoire(o.code(), t));
            return auditee(m, audit);
        });
    }

    @Override
    public void accorderTerritoire(String organisation, String territoire, EntreeAudit audit) {
        store.executer("territoire " + territoire + " accordé à " + organisation, AccesMapper.class,
                m -> {
                    m.accorderTerritoire(organisation, territoire);
                    return auditee(m, audit);
                });
    }

    @Override
    public void revoquerTerritoire(String organisation, String territoire, EntreeAudit audit) {
        store.executer("territoire " + territoire + " retiré à " + organisation, AccesMapper.class,
                m -> {
                    m.revoquerTerritoire(organisation, territoire);
                    return auditee(m, audit);
                });
    }

    @Override
    public void definirEpci(Epci epci, List<EntreeAudit> audits) {
        store.executer("définition de l'EPCI " + epci.code(), AccesMapper.class, m -> {
            m.definirEpci(epci.code(), epci.nom());
            m.viderEpci(epci.code());
            epci.communes().forEach(c -> m.ajouterCommuneEpci(epci.code(), c));
            if (audits != null) {
                audits.forEach(a -> auditee(m, a));
            }
            return true;
        });
    }

    @Override
    public Optional<Epci> epci(String code) {
        return Optional.ofNullable(store.executer("lecture de l'EPCI " + code, AccesMapper.class, m -> m.epci(code)))
                .map(l -> new Epci(texte(l, "code"), texte(l, "nom"), new TreeSet<>(liste(texte(l, "communes")))));
    }

    @Override
    public List<Epci> epcis() {
        return store.executer("liste des EPCI", AccesMapper.class, AccesMapper::epcis).stream()
                .map(l -> new Epci(texte(l, "code"), texte(l, "nom"), new TreeSet<>(liste(texte(l, "communes")))))
                .toList();
    }

    @Override
    public Optional<Guichet> guichet(String organisation) {
        return Optional.ofNullable(store.executer("coordonnées du guichet " + organisation, AccesMapper.class,
                m -> m.guichet(organisation))).map(l -> new Guichet(texte(l, "guichet"), texte(l, "code"),
                texte(l, "nom"), TypeOrganisation.valueOf(texte(l, "type")), texte(l, "adresse"),
                texte(l, "horaires"), new TreeSet<>(liste(texte(l, "territoires")))));
    }

    @Override
    public boolean changerCoordonnees(String organisation, String adresse, String horaires, EntreeAudit audit) {
        return store.executer("coordonnées de " + organisation, AccesMapper.class,
                m -> m.changerCoordonnees(organisation, adresse, horaires) > 0 && auditee(m, audit));
    }

    @Override
    public List<Guichet> annuaire(String territoire, String commune) {
        return store.executer("annuaire des guichets du " + territoire, AccesMapper.class, m -> m.guichets(territoire, commune))
                .stream().map(l -> new Guichet(texte(l, "guichet"), texte(l, "code"), texte(l, "nom"),
                        TypeOrganisation.valueOf(texte(l, "type")), texte(l, "adresse"), texte(l, "horaires"),
                        new TreeSet<>(liste(texte(l, "territoires"))))).toList();
    }

    @Override
    public boolean creerUtilisateur(String identifiant, String nom, String organisation, Set<Role> roles,
                                    String empreinte, EntreeAudit audit) {
        String liste = roles.stream().map(Role::nom).sorted().collect(Collectors.joining(","));
        return store.executer("création de l'utilisateur " + identifiant, AccesMapper.class,
                m -> m.creerUtilisateur(identifiant, nom, organisation, liste, empreinte) > 0 && auditee(m, audit));
    }

    @Override
    public List<Utilisateur> utilisateurs(String organisation) {
        return store.executer("utilisateurs de " + organisation, AccesMapper.class, m -> m.utilisateurs(organisation))
                .stream().map(AccesPostgres::utilisateur).toList();
    }

    @Override
    public boolean activerUtilisateur(String identifiant, boolean actif, EntreeAudit audit) {
        return store.executer((actif ? "réactivation de " : "désactivation de ") + identifiant, AccesMapper.class,
                m -> m.activerUtilisateur(identifiant, actif) > 0 && auditee(m, audit));
    }

    @Override
    public boolean changerEmpreinte(String identifiant, String empreinte, EntreeAudit audit) {
        return store.executer("mot de passe de " + identifiant, AccesMapper.class,
                m -> m.changerEmpreinte(identifiant, empreinte) > 0 && auditee(m, audit));
    }

    @Override
    public long utilisateursActifs(Role role) {
        return store.executer("comptage des utilisateurs " + role.nom(), AccesMapper.class,
                m -> m.utilisateursActifs(role.nom()));
    }

    @Override
    public void auditer(EntreeAudit e) {
        store.executer("écriture de l'audit", AccesMapper.class, m -> m.auditer(e));
    }

    @Override
    public PageAudit rechercher(CriteresAudit criteres, Set<String> territoires, int page, int taille) {
        List<String> liste = territoires == null ? null : List.copyOf(territoires);
        return store.executer("lecture de l'audit", AccesMapper.class, m -> {
            List<EntreeAudit> lignes = m.audit(criteres, liste, taille, page * taille).stream()
                    .map(AccesPostgres::entree).toList();
            return new PageAudit(lignes, page, taille, m.compterAudit(criteres, liste));
        });
    }

    /** Writes the change's audit line in the change's transaction; true so that it reads as "done". */
    private static boolean auditee(AccesMapper m, EntreeAudit audit) {
        if (audit != null) {
            m.auditer(audit);
        }
        return true;
    }

    // ------------------------------------------------------------------ rows to records

    private static Utilisateur utilisateur(Map<String, Object> l) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : liste(texte(l, "roles"))) {
            Role.parse(r).ifPresent(roles::add);
        }
        return new Utilisateur(texte(l, "identifiant"), texte(l, "nom"), texte(l, "organisation"), roles,
                Boolean.TRUE.equals(l.get("actif")), instant(l.get("cree_le")), instant(l.get("desactive_le")));
    }

    private static Organisation organisation(Map<String, Object> l, String prefixe) {
        return new Organisation(texte(l, prefixe + "code"), TypeOrganisation.valueOf(texte(l, prefixe + "type")),
                texte(l, prefixe + "nom"), texte(l, prefixe + "guichet"), Boolean.TRUE.equals(l.get(prefixe + "active")),
                new TreeSet<>(liste(texte(l, prefixe + "territoires"))));
    }

    private static EntreeAudit entree(Map<String, Object> l) {
        return new EntreeAudit(instant(l.get("horodatage")), texte(l, "acteur"), texte(l, "organisation"),
                Canal.valueOf(texte(l, "canal")), texte(l, "operation"), texte(l, "numero_unique"),
                texte(l, "territoire"), texte(l, "details"));
    }

    private static String texte(Map<String, Object> l, String colonne) {
        Object v = l.get(colonne);
        return v == null ? null : v.toString();
    }

    private static List<String> liste(String valeurs) {
        return valeurs == null || valeurs.isEmpty() ? List.of() : Arrays.asList(valeurs.split(","));
    }

    private static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("horodatage inattendu : " + v.getClass());
    }
}
