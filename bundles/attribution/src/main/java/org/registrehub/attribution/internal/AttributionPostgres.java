package org.registrehub.attribution.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.RegistreException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.spi.LigneRapprochement;
import org.registrehub.api.attribution.spi.LogementStore;
import org.registrehub.api.attribution.spi.RapprochementStore;
import org.registrehub.api.attribution.spi.RequeteRapprochement;
import org.registrehub.api.attribution.CritereCotation;
import org.registrehub.api.attribution.GrilleCotation;
import org.registrehub.api.attribution.PointsCritere;
import org.registrehub.api.attribution.spi.CandidatureStore;
import org.registrehub.api.attribution.spi.CommissionStore;
import org.registrehub.api.attribution.spi.CotationStore;
import org.registrehub.api.attribution.spi.NotificationStore;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.spi.JsonCodec;

/**
 * The attribution capability's persistence on the register's database: this bundle's SQL
 * ({@code AttributionMapper.xml}) through the shared core, one transaction per call.
 */
@Component(service = {LogementStore.class, RapprochementStore.class, CotationStore.class, CandidatureStore.class,
        CommissionStore.class, NotificationStore.class})
public class AttributionPostgres implements LogementStore, RapprochementStore, CotationStore, CandidatureStore,
        CommissionStore, NotificationStore {

    private final BaseDeDonnees.Sessions store;
    private final JsonCodec json;

    @Activate
    public AttributionPostgres(@Reference BaseDeDonnees base, @Reference JsonCodec json) {
        this.store = base.sessions(AttributionMapper.class);
        this.json = json;
    }

    @Override
    public LogementOffert declarer(LogementOffert logement, EvenementLogement evenement, EntreeAudit audit,
                                   MessageRecu recu) {
        try {
            return store.executer("déclaration d'un logement", AttributionMapper.class, m -> {
                LigneLogement ouvert = m.logement(logement.identifiantRpls(), true);
                if (ouvert != null && StatutOffre.valueOf(ouvert.statut()).ouverte()) {
                    throw dejaOffert(logement);
                }
                if (recu != null && m.enregistrerMessage(recu) == 0) {
                    throw new MessageDejaTraiteException(recu);
                }
                long id = m.insererLogement(logement);
                m.insererHistorique(id, evenement);
                m.auditer(audit);
                return m.logement(logement.identifiantRpls(), false).logement();
            });
        } catch (RegistreException e) {
            // two declarations at the same instant: the unique index refuses the second
            if (violeUnicite(e)) {
                throw dejaOffert(logement);
            }
            throw e;
        }
    }

    private static RegistreException dejaOffert(LogementOffert logement) {
        return new RegistreException("EXISTE_DEJA", "Le logement " + logement.identifiantRpls() + " est déjà offert"
                + " (une offre ouverte par logement) : retirez-la avant d'en déclarer une autre ; rien n'a été"
                + " enregistré.");
    }

    private static boolean violeUnicite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<LogementOffert> logement(String identifiantRpls) {
        return Optional.ofNullable(store.executer("lecture d'un logement", AttributionMapper.class,
                m -> m.logement(identifiantRpls, false))).map(LigneLogement::logement);
    }

    @Override
    public List<LogementOffert> logements(Perimetre perimetre, StatutOffre statut, String commune, int limite) {
        return store.executer("liste des logements offerts", AttributionMapper.class, m -> m.logements(
                perimetre.organisation(), perimetre.departements(), perimetre.communes(),
                statut == null ? null : statut.name(), commune, limite)).stream().map(LigneLogement::logement)
                .toList();
    }

    @Override
    public LogementOffert changerStatut(String identifiantRpls, long version, StatutOffre statut,
                                        EvenementLogement evenement, EntreeAudit audit) {
        return store.executer("changement d'un logement offert", AttributionMapper.class, m -> {
            LigneLogement l = m.logement(identifiantRpls, true);
            if (l == null || l.version() != version || m.changerStatut(l.id(), version, statut.name()) != 1) {
                throw new TransitionInterditeException("Le logement " + identifiantRpls + " a changé entre-temps"
                        + " (version " + version + " lue) : relisez-le et recommencez ; rien n'a été enregistré.");
            }
            if (statut == StatutOffre.RETIRE) {
                m.annulerCandidatures(l.id());
            }
            m.insererHistorique(l.id(), evenement);
            m.auditer(audit);
            return m.logement(identifiantRpls, false).logement();
        });
    }

    @Override
    public List<EvenementLogement> historique(String identifiantRpls) {
        return store.executer("historique d'un logement", AttributionMapper.class, m -> {
            LigneLogement l = m.logement(identifiantRpls, false);
            return l == null ? List.of() : m.historique(l.id());
        });
    }

    @Override
    public List<LigneRapprochement> candidats(RequeteRapprochement requete) {
        return store.executer("rapprochement", AttributionMapper.class, m -> m.candidats(requete));
    }

    @Override
    public long eligibles(RequeteRapprochement requete, long plafond) {
        return store.executer("décompte du rapprochement", AttributionMapper.class,
                m -> m.eligibles(requete, plafond));
    }

    // ---------------------------------------------------------------- cotation

    private GrilleCotation lue(LigneGrille l) {
        return l == null ? null : new GrilleCotation(l.territoire(), l.version(),
                List.of(json.lire(l.criteres(), CritereCotation[].class)), l.acteur(), l.organisation(), l.creeLe(),
                l.appliqueeLe());
    }

    @Override
    public GrilleCotation enregistrer(GrilleCotation g, String canal, EntreeAudit audit) {
        String criteres = json.ecrire(g.criteres());
        return store.executer("définition d'une grille de cotation", AttributionMapper.class, m -> {
            GrilleCotation enregistree = lue(m.insererGrille(g.territoire(), criteres, g.acteur(),
                    g.organisation(), canal, g.creeLe()));
            m.auditer(new EntreeAudit(audit.horodatage(), audit.acteur(), audit.organisation(), audit.canal(),
                    audit.operation(), null, audit.territoire(), "version " + enregistree.version() + " : "
                    + audit.details()));
            return enregistree;
        });
    }

    @Override
    public Optional<GrilleCotation> grille(String territoire) {
        return Optional.ofNullable(lue(store.executer("grille de cotation", AttributionMapper.class,
                m -> m.grille(territoire))));
    }

    @Override
    public List<GrilleCotation> versions(String territoire) {
        return store.executer("versions d'une grille de cotation", AttributionMapper.class,
                m -> m.versions(territoire)).stream().map(this::lue).toList();
    }

    @Override
    public List<GrilleCotation> nonAppliquees() {
        return store.executer("grilles de cotation à appliquer", AttributionMapper.class,
                AttributionMapper::nonAppliquees).stream().map(this::lue).toList();
    }

    @Override
    public List<Long> demandesDuTerritoire(String territoire) {
        return store.executer("demandes d'un territoire", AttributionMapper.class,
                m -> m.demandesDuTerritoire(territoire));
    }

    @Override
    public long recalculer(List<Long> demandes, java.time.LocalDate jour) {
        Long[] ids = demandes.toArray(Long[]::new);
        return store.executer("calcul de la cotation", AttributionMapper.class, m -> m.recalculer(ids, jour));
    }

    @Override
    public void marquerAppliquee(String territoire, int version) {
        store.executer("grille de cotation appliquée", AttributionMapper.class, m -> {
            m.marquerAppliquee(territoire, version);
            return null;
        });
    }

    @Override
    public List<Long> anniversaires(List<Integer> joursDuMois) {
        Integer[] jours = joursDuMois.toArray(Integer[]::new);
        return store.executer("anniversaires de dépôt", AttributionMapper.class, m -> m.anniversaires(jours));
    }

    @Override
    public Optional<java.time.LocalDate> derniereMiseAJour() {
        return Optional.ofNullable(store.executer("dernière mise à jour de la cotation", AttributionMapper.class,
                AttributionMapper::derniereMiseAJour));
    }

    @Override
    public void marquerMiseAJour(java.time.LocalDate jour, long demandes) {
        store.executer("mise à jour de la cotation", AttributionMapper.class, m -> {
            m.marquerMiseAJour(jour, demandes);
            return null;
        });
    }

    @Override
    public void auditer(EntreeAudit entree) {
        store.executer("journal d'audit", AttributionMapper.class, m -> {
            m.auditer(entree);
            return null;
        });
    }

    @Override
    public List<String> communesEpci(String epci) {
        return store.executer("communes d'un EPCI", AttributionMapper.class, m -> m.communesEpci(epci));
    }

    @Override
    public Optional<Cotation> cotation(String numeroUnique, java.time.LocalDate jour) {
        LigneCotation c = store.executer("cotation d'une demande", AttributionMapper.class,
                m -> m.cotation(numeroUnique, jour));
        if (c == null) {
            return Optional.empty();
        }
        List<PointsCritere> detail = c.detail() == null ? List.of() : List.of(json.lire(c.detail(),
                PointsCritere[].class));
        return Optional.of(new Cotation(c.territoire(), List.of(c.communes().split(",")), c.territoireGrille(),
                c.versionGrille(), c.points(), detail, c.commune(), c.typologie(), c.position(), c.comparees(),
                c.attributions(), c.delaiJours()));
    }

    // ---------------------------------------------------------------- candidatures

    @Override
    public List<org.registrehub.api.attribution.Candidature> candidatures(String identifiantRpls) {
        return store.executer("candidatures d'un logement", AttributionMapper.class, m -> {
            LigneLogement l = m.logement(identifiantRpls, false);
            return l == null ? List.of() : m.candidatures(l.id());
        });
    }

    @Override
    public java.util.Map<String, EtatDemande> demandes(java.util.Collection<String> numeros) {
        if (numeros.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, EtatDemande> etats = new java.util.HashMap<>();
        for (LigneEtatDemande d : store.executer("demandes désignées", AttributionMapper.class,
                m -> m.etatsDemandes(numeros))) {
            etats.put(d.numeroUnique(), new EtatDemande(d.statut(), d.territoire(), List.of(d.communes().split(","))));
        }
        return etats;
    }

    @Override
    public java.util.Map<String, List<String>> ailleurs(java.util.Collection<String> numeros,
                                                        String identifiantRpls) {
        java.util.Map<String, List<String>> ailleurs = new java.util.HashMap<>();
        if (numeros.isEmpty()) {
            return ailleurs;
        }
        for (LigneAilleurs a : store.executer("candidatures ailleurs", AttributionMapper.class,
                m -> m.ailleurs(numeros, identifiantRpls))) {
            ailleurs.computeIfAbsent(a.numeroUnique(), k -> new java.util.ArrayList<>()).add(a.identifiantRpls());
        }
        return ailleurs;
    }

    @Override
    public void designer(String identifiantRpls, long version, org.registrehub.api.attribution.MotifMoinsDeTrois motif,
                         List<Nouvelle> candidatures, Suivi suivi, EvenementLogement evenement,
                         List<EntreeAudit> audit, MessageRecu recu) {
        store.executer("désignation de candidats", AttributionMapper.class, m -> {
            LigneLogement l = m.logement(identifiantRpls, true);
            if (l == null || l.version() != version || m.proposer(l.id(), version,
                    motif == null ? null : motif.name()) != 1) {
                throw new TransitionInterditeException("Le logement " + identifiantRpls + " a changé entre-temps"
                        + " (version " + version + " lue) : relisez ses candidats et recommencez ; rien n'a été"
                        + " enregistré.");
            }
            if (recu != null && m.enregistrerMessage(recu) == 0) {
                throw new MessageDejaTraiteException(recu);
            }
            for (Nouvelle c : candidatures) {
                m.insererCandidature(l.id(), c);
                m.insererSuiviProposition(identifiantRpls, c, suivi, recu == null ? null : recu.messageId());
            }
            m.insererHistorique(l.id(), evenement);
            audit.forEach(m::auditer);
            return null;
        });
    }

    // ---------------------------------------------------------------- commissions

    @Override
    public long creer(EnTete c, List<String> logements, String acteur, String organisation, EntreeAudit audit) {
        return store.executer("planification d'une commission", AttributionMapper.class, m -> {
            long id = m.insererCommission(c, acteur, organisation);
            for (int i = 0; i < logements.size(); i++) {
                if (m.inscrireLogement(id, logements.get(i), i + 1) != 1) {
                    throw new TransitionInterditeException("Le logement " + logements.get(i) + " n'est plus offert :"
                            + " il ne peut pas être inscrit à l'ordre du jour ; rien n'a été enregistré.");
                }
            }
            m.auditer(new EntreeAudit(audit.horodatage(), audit.acteur(), audit.organisation(), audit.canal(),
                    audit.operation(), null, audit.territoire(), "commission " + id + " : " + audit.details()));
            return id;
        });
    }

    @Override
    public Optional<EnTete> commission(long id) {
        return Optional.ofNullable(store.executer("lecture d'une commission", AttributionMapper.class,
                m -> m.commission(id, false)));
    }

    @Override
    public List<org.registrehub.api.attribution.ResumeCommission> commissions(String bailleur,
                                                                              Set<String> departements, int limite) {
        return store.executer("liste des commissions", AttributionMapper.class,
                m -> m.commissions(bailleur, departements, limite));
    }

    @Override
    public List<String> logements(long id) {
        return store.executer("ordre du jour d'une commission", AttributionMapper.class,
                m -> m.logementsCommission(id));
    }

    @Override
    public List<Fiche> fiches(long id, java.time.LocalDate jour) {
        return store.executer("fiches des candidats", AttributionMapper.class, m -> m.fiches(id, jour));
    }

    @Override
    public org.registrehub.api.attribution.MotifMoinsDeTrois motifMoinsDeTrois(String identifiantRpls) {
        return store.executer("motif d'une désignation", AttributionMapper.class,
                m -> m.motifMoinsDeTrois(identifiantRpls));
    }

    @Override
    public java.util.Map<String, List<String>> attribueesAilleurs(java.util.Collection<String> numeros,
                                                                  String identifiantRpls) {
        java.util.Map<String, List<String>> ailleurs = new java.util.HashMap<>();
        if (numeros.isEmpty()) {
            return ailleurs;
        }
        for (LigneAilleurs a : store.executer("attributions ailleurs", AttributionMapper.class,
                m -> m.attribueesAilleurs(numeros, identifiantRpls))) {
            ailleurs.computeIfAbsent(a.numeroUnique(), k -> new java.util.ArrayList<>()).add(a.identifiantRpls());
        }
        return ailleurs;
    }

    @Override
    public void decider(long id, String identifiantRpls, List<Decision> decisions, EvenementLogement evenement,
                        List<EntreeAudit> audit) {
        store.executer("décisions de la commission", AttributionMapper.class, m -> {
            if (m.commission(id, true) == null) {
                throw new RegistreException("INTROUVABLE", "Aucune commission n° " + id + ".");
            }
            for (Decision d : decisions) {
                m.insererSuiviDecision(identifiantRpls, d);
                m.rattacherDecision(id, identifiantRpls, d.numeroUnique(), d.motif());
            }
            m.tenir(id);
            m.insererHistorique(m.idLogement(identifiantRpls), evenement);
            audit.forEach(m::auditer);
            return null;
        });
    }

    @Override
    public int envoyerCourriels(int limite, Envoi envoi, EntreeAudit audit) {
        return store.executer("envoi des notifications par courriel", AttributionMapper.class, m -> {
            int envoyees = 0;
            for (AEnvoyer n : m.notificationsAEnvoyer("EMAIL", limite)) {
                StringBuilder observation = new StringBuilder();
                Issue issue = envoi.envoyer(n, observation);
                if (issue == Issue.ARRET) {
                    break;
                }
                if (issue == Issue.PAR_COURRIER) {
                    m.notificationParCourrier(n.id(), observation.toString());
                    continue;
                }
                m.notificationEnvoyee(n.id(), null);
                m.auditer(auditNotification(audit, n, "par courriel"));
                envoyees++;
            }
            return envoyees;
        });
    }

    @Override
    public int envoyerCourriers(int limite, java.util.function.Function<List<AEnvoyer>, String> lot,
                                EntreeAudit audit) {
        return store.executer("envoi des notifications par courrier", AttributionMapper.class, m -> {
            List<AEnvoyer> lettres = m.notificationsAEnvoyer("COURRIER", limite);
            if (lettres.isEmpty()) {
                return 0;
            }
            String nom = lot.apply(lettres);
            for (AEnvoyer n : lettres) {
                m.notificationEnvoyee(n.id(), nom);
                m.auditer(auditNotification(audit, n, "par courrier (lot " + nom + ")"));
            }
            return lettres.size();
        });
    }

    private static EntreeAudit auditNotification(EntreeAudit modele, AEnvoyer n, String comment) {
        return new EntreeAudit(modele.horodatage(), modele.acteur(), modele.organisation(), modele.canal(),
                "NOTIFICATION", n.numeroUnique(), n.territoire(), ("PROPOSITION".equals(n.nature()) ? "proposition"
                        : "décision " + n.decision()) + " du logement " + n.identifiantRpls() + " " + comment);
    }

    @Override
    public int basculerEnCourrier(String observation) {
        return store.executer("notifications en courrier", AttributionMapper.class,
                m -> m.notificationsEnCourrier(observation));
    }

    @Override
    public long restantes() {
        return store.executer("notifications à envoyer", AttributionMapper.class,
                AttributionMapper::notificationsRestantes);
    }

    @Override
    public List<org.registrehub.api.attribution.NotificationCandidat> notifications(String numeroUnique) {
        return store.executer("notifications d'une demande", AttributionMapper.class,
                m -> m.notifications(numeroUnique));
    }
}
