package org.registrehub.enregistrement.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.Changement;
import org.registrehub.api.Contexte;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.NumerotationService;
import org.registrehub.api.Operation;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.Radiation;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.Tri;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.spi.AuditStore;
import org.registrehub.api.registre.spi.DemandeStore;
import org.registrehub.api.registre.spi.DemandeStore.DoublonSitue;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.renouvellement.CalendrierRenouvellement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register's life cycle for every channel. Rules are checked before anything is written; each change is one store
 * transaction holding the new state, its history entry (field-level diff) and its outbox event.
 */
@Component(service = RegistreService.class, configurationPid = "org.registrehub.enregistrement")
@Designate(ocd = RegistrationConfig.class)
public class RegistreServiceImpl implements RegistreService {

    private static final Logger LOG = LoggerFactory.getLogger(RegistreServiceImpl.class);

    private final NumerotationService numerotation;
    private final DemandeStore store;
    private final JournalAudit audit;
    private final JsonCodec json;
    private final Clock clock;
    private final int validiteMois;
    /** The grace period of a territory (months), from the renewal calendar: one source for every bundle. */
    private final java.util.function.ToIntFunction<String> delaiReactivationMois;

    /**
     * The audit trail is a dynamic reference (see {@link JournalAudit}): the access capability's bundle can be updated
     * without withdrawing the register.
     */
    @Activate
    public RegistreServiceImpl(@Reference NumerotationService numerotation, @Reference DemandeStore store,
                               @Reference JsonCodec json, @Reference CalendrierRenouvellement calendrier,
                               RegistrationConfig config) {
        this(numerotation, store, new JournalAudit(), json, Clock.system(ZoneId.of(config.fuseau())),
                config.validite_mois(), territoire -> calendrier.regles(territoire).graceMois());
    }

    @Reference(name = "audit", service = AuditStore.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "delierAudit")
    void lierAudit(AuditStore store) {
        audit.lier(store);
    }

    void delierAudit(AuditStore store) {
        audit.delier(store);
    }

    /** With the same grace period everywhere (tests). */
    public RegistreServiceImpl(NumerotationService numerotation, DemandeStore store, AuditStore audit, JsonCodec json,
                        Clock clock, int validiteMois, int delaiReactivationMois) {
        this(numerotation, store, audit, json, clock, validiteMois, territoire -> delaiReactivationMois);
    }

    public RegistreServiceImpl(NumerotationService numerotation, DemandeStore store, AuditStore audit, JsonCodec json,
                        Clock clock, int validiteMois, java.util.function.ToIntFunction<String> delaiReactivationMois) {
        this.numerotation = numerotation;
        this.store = store;
        this.audit = audit instanceof JournalAudit journal ? journal : new JournalAudit(audit);
        this.json = json;
        this.clock = clock;
        this.validiteMois = validiteMois;
        this.delaiReactivationMois = delaiReactivationMois;
    }

    // ------------------------------------------------------------------ enregistrement

    @Override
    public Demande enregistrer(NouvelleDemande saisie, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.ENREGISTREURS, "l'enregistrement d'une demande");
        LocalDate aujourdhui = LocalDate.now(clock);
        refuserSiInvalide(ValidateurDemande.valider(saisie, aujourdhui), contexte, "enregistrement");
        Dossier dossier = Normalisation.dossier(saisie.dossier());
        Autorisations.enregistrer(contexte, saisie.guichet().strip(),
                NumerotationService.territoire(dossier.logementRecherche().communes().get(0)),
                dossier.logementRecherche().communes());
        String commune = dossier.logementRecherche().communes().get(0);
        List<DoublonSitue> doublons = store.doublons(dossier.demandeur());
        DoublonsVus vus = DoublonsVus.pour(contexte, doublons);
        String justification = vide(saisie.justificationDoublon());
        if (!doublons.isEmpty()) {
            // Every probe of an identity that finds someone is audited, whether it ends in a refusal or not.
            auditer(contexte, "DOUBLON_PRESUME", null, NumerotationService.territoire(commune), vus.resume()
                    + (justification == null ? " ; enregistrement refusé" : " ; enregistré avec justification"));
        }
        if (!doublons.isEmpty() && justification == null) {
            LOG.info("Enregistrement refusé (canal {}) : doublon présumé ({})", contexte.canal(), vus.resume());
            throw vus.refus();
        }
        String commentaire = doublons.isEmpty() ? null : "doublon confirmé de " + vus.resume() + " : "
                + justification;
        String guichet = saisie.guichet().strip();
        String numero = numerotation.attribuer(commune, guichet, aujourdhui, dossier.demandeur());
        Demande demande = new Demande(numero, Statut.ACTIVE, guichet, numero.substring(0, 3), aujourdhui,
                aujourdhui.plusMonths(validiteMois), null, null, 0, dossier);
        Instant maintenant = clock.instant();
        EntreeHistorique creation = new EntreeHistorique(0, maintenant, Operation.ENREGISTREMENT, contexte.acteur(),
                contexte.canal(), List.of(), commentaire);
        try {
            store.inserer(demande, creation, evenement(demande, creation), doublons.stream()
                    .map(d -> d.doublon().numeroUnique()).collect(Collectors.toSet()), contexte.recu());
        } catch (DoublonPresumeException e) {
            // A demand of the same applicant registered meanwhile: told within the caller's perimeter only.
            throw DoublonsVus.pour(contexte, store.doublons(dossier.demandeur())).refus();
        }
        if (commentaire != null) {
            LOG.warn("Demande {} enregistrée malgré un doublon présumé par {} ({}) : {}", numero, contexte.acteur(),
                    contexte.canal(), commentaire);
        }
        LOG.info("Demande {} enregistrée (canal {}, acteur {}, guichet {}, commune {})", numero, contexte.canal(),
                contexte.acteur(), guichet, commune);
        return demande;
    }

    @Override
    public List<ErreurChamp> verifier(NouvelleDemande demande) {
        return ValidateurDemande.valider(demande, LocalDate.now(clock));
    }

    @Override
    public Optional<Demande> consulter(String numeroUnique, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.LECTEURS, "la lecture d'une demande");
        Optional<Demande> demande = store.trouver(numeroValide(numeroUnique));
        demande.ifPresent(d -> {
            Autorisations.lire(contexte, d);
            auditer(contexte, "CONSULTATION", d.numeroUnique(), d.territoire(), null);
        });
        return demande;
    }

    @Override
    public PageDemandes rechercher(CriteresRecherche criteres, Tri tri, int page, int taille, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.LECTEURS, "la recherche de demandes");
        List<ErreurChamp> erreurs = ValidateurRecherche.valider(criteres, page, taille);
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
        CriteresRecherche c = criteres == null ? new CriteresRecherche(null, null, null, null, null, null, null,
                null, null, null, null, null) : criteres;
        Autorisations.Perimetre perimetre = Autorisations.rechercher(contexte, c.territoire());
        Set<String> territoires = perimetre.departements();
        PageDemandes resultat = store.rechercher(c, territoires, perimetre.communes(),
                tri == null ? Tri.PAR_DEFAUT : tri, page, taille, PageDemandes.COMPTAGE_MAX);
        auditer(contexte, "RECHERCHE", null, territoires.size() == 1 ? territoires.iterator().next() : null,
                DescriptionRecherche.de(c, page) + " ; " + resultat.demandes().size() + " demande(s) affichée(s)");
        return resultat;
    }

    @Override
    public List<EntreeHistorique> historique(String numeroUnique, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.LECTEURS, "la lecture d'un historique");
        String numero = numeroValide(numeroUnique);
        Demande d = store.trouver(numero).orElseThrow(() -> new DemandeIntrouvableException(numero));
        Autorisations.lire(contexte, d);
        List<EntreeHistorique> historique = store.historique(numero);
        auditer(contexte, "HISTORIQUE", numero, d.territoire(), null);
        return historique;
    }

    // ------------------------------------------------------------------ cycle de vie

    @Override
    public Demande modifier(String numeroUnique, long version, Dossier dossier, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.ENREGISTREURS, "la modification d'une demande");
        Demande actuelle = lire(numeroUnique, version, d -> Autorisations.changer(contexte, d,
                "la modification d'une demande"));
        exigerActive(actuelle, "modifiée");
        refuserSiInvalide(ValidateurDemande.valider(new NouvelleDemande(actuelle.guichet(), dossier),
                LocalDate.now(clock)), contexte, "modification de " + actuelle.numeroUnique());
        Demande nouvelle = avec(actuelle, actuelle.statut(), actuelle.dateValidite(),
                actuelle.dateDernierRenouvellement(), null, Normalisation.dossier(dossier));
        return ecrire(actuelle, nouvelle, Operation.MODIFICATION, contexte, null);
    }

    @Override
    public Demande renouveler(String numeroUnique, long version, Dossier dossier, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.ENREGISTREURS, "le renouvellement d'une demande");
        Demande actuelle = lire(numeroUnique, version, d -> Autorisations.changer(contexte, d,
                "le renouvellement d'une demande"));
        if (actuelle.statut() == Statut.RADIEE) {
            throw new TransitionInterditeException("La demande " + actuelle.numeroUnique() + " est radiée ("
                    + actuelle.radiation().motif() + " le " + actuelle.radiation().date() + ") : elle ne peut pas être"
                    + " renouvelée." + (actuelle.radiation().motif() == MotifRadiation.NON_RENOUVELLEMENT
                            ? " Pendant le délai de grâce, réactivez-la." : " Déposez une nouvelle demande."));
        }
        Dossier nouveauDossier = actuelle.dossier();
        if (dossier != null) {
            refuserSiInvalide(ValidateurDemande.valider(new NouvelleDemande(actuelle.guichet(), dossier),
                    LocalDate.now(clock)), contexte, "renouvellement de " + actuelle.numeroUnique());
            nouveauDossier = Normalisation.dossier(dossier);
        }
        LocalDate aujourdhui = LocalDate.now(clock);
        Demande nouvelle = avec(actuelle, Statut.ACTIVE, aujourdhui.plusMonths(validiteMois), aujourdhui, null,
                nouveauDossier);
        return ecrire(actuelle, nouvelle, Operation.RENOUVELLEMENT, contexte, null);
    }

    @Override
    public Demande radier(String numeroUnique, long version, DemandeRadiation demandeRadiation, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.RADIATEURS, "la radiation d'une demande");
        Demande actuelle = lire(numeroUnique, version, d -> Autorisations.radier(contexte, d,
                demandeRadiation == null ? null : demandeRadiation.motif()));
        if (actuelle.statut() == Statut.RADIEE) {
            throw new TransitionInterditeException("La demande " + actuelle.numeroUnique() + " est déjà radiée ("
                    + actuelle.radiation().motif() + " le " + actuelle.radiation().date() + ").");
        }
        refuserSiInvalide(ValidateurRadiation.valider(demandeRadiation), contexte,
                "radiation de " + actuelle.numeroUnique());
        Radiation radiation = new Radiation(demandeRadiation.motif(), LocalDate.now(clock),
                demandeRadiation.attribution(), demandeRadiation.motifIrrecevabilite(),
                vide(demandeRadiation.commentaire()));
        Demande nouvelle = avec(actuelle, Statut.RADIEE, actuelle.dateValidite(),
                actuelle.dateDernierRenouvellement(), radiation, actuelle.dossier());
        return ecrire(actuelle, nouvelle, Operation.RADIATION, contexte, radiation.commentaire());
    }

    @Override
    public Demande reactiver(String numeroUnique, long version, Contexte contexte) {
        Autorisations.exigerRole(contexte, Autorisations.ENREGISTREURS, "la réactivation d'une demande");
        Demande actuelle = lire(numeroUnique, version, d -> Autorisations.changer(contexte, d,
                "la réactivation d'une demande"));
        if (actuelle.statut() != Statut.RADIEE || actuelle.radiation().motif() != MotifRadiation.NON_RENOUVELLEMENT) {
            throw new TransitionInterditeException("Seule une demande radiée pour non-renouvellement peut être"
                    + " réactivée ; la demande " + actuelle.numeroUnique() + " est " + (actuelle.statut() == Statut.ACTIVE
                            ? "active." : "radiée pour " + actuelle.radiation().motif() + "."));
        }
        LocalDate aujourdhui = LocalDate.now(clock);
        LocalDate limite = limiteReactivation(actuelle);
        if (aujourdhui.isAfter(limite)) {
            throw new TransitionInterditeException("Le délai de réactivation de la demande " + actuelle.numeroUnique()
                    + " a expiré le " + limite + " (" + delaiReactivationMois.applyAsInt(actuelle.territoire())
                    + " mois après le "
                    + (actuelle.dateDernierRenouvellement() == null ? "dépôt" : "dernier renouvellement")
                    + ") : déposez une nouvelle demande.");
        }
        Demande nouvelle = avec(actuelle, Statut.ACTIVE, aujourdhui.plusMonths(validiteMois), aujourdhui, null,
                actuelle.dossier());
        return ecrire(actuelle, nouvelle, Operation.REACTIVATION, contexte, null);
    }

    @Override
    public org.registrehub.api.DroitsRegistre droits(Contexte contexte) {
        return Autorisations.droits(contexte.identite());
    }

    @Override
    public org.registrehub.api.ActionsDemande actions(Demande d, Contexte contexte) {
        org.registrehub.api.DroitsRegistre droits = Autorisations.droits(contexte.identite(), d);
        boolean active = d.statut() == Statut.ACTIVE;
        LocalDate limite = d.statut() == Statut.RADIEE && d.radiation() != null
                && d.radiation().motif() == MotifRadiation.NON_RENOUVELLEMENT ? limiteReactivation(d) : null;
        boolean reactivable = limite != null && !LocalDate.now(clock).isAfter(limite);
        return new org.registrehub.api.ActionsDemande(active && droits.changer(), active && droits.changer(),
                active ? droits.motifsRadiation() : java.util.Set.of(), reactivable && droits.changer(), limite);
    }

    /** Last day a demand radiated for non-renewal can be reactivated. */
    LocalDate limiteReactivation(Demande d) {
        LocalDate reference = d.dateDernierRenouvellement() == null ? d.dateDepot() : d.dateDernierRenouvellement();
        return reference.plusMonths(delaiReactivationMois.applyAsInt(d.territoire()));
    }

    // ------------------------------------------------------------------ mécanique commune

    /** The demand to change: found, allowed to the caller (checked before its version says anything), current. */
    private Demande lire(String numeroUnique, long version, Consumer<Demande> autorisation) {
        String numero = numeroValide(numeroUnique);
        Demande actuelle = store.trouver(numero).orElseThrow(() -> new DemandeIntrouvableException(numero));
        autorisation.accept(actuelle);
        if (actuelle.version() != version) {
            throw new VersionObsoleteException(numero, version, actuelle.version());
        }
        return actuelle;
    }

    private Demande ecrire(Demande avant, Demande apres, Operation operation, Contexte contexte, String commentaire) {
        List<Changement> changements = Differences.entre(avant, apres, json);
        EntreeHistorique entree = new EntreeHistorique(apres.version(), clock.instant(), operation, contexte.acteur(),
                contexte.canal(), changements, commentaire);
        store.mettreAJour(apres, avant.version(), entree, evenement(apres, entree), contexte.recu());
        LOG.info("Demande {} : {} (version {}, canal {}, acteur {}, {} champ(s) changé(s))", apres.numeroUnique(),
                operation, apres.version(), contexte.canal(), contexte.acteur(), changements.size());
        return apres;
    }

    /** A read of nominative data, in the audit trail before the data leaves the service. */
    private void auditer(Contexte contexte, String operation, String numero, String territoire, String details) {
        audit.auditer(new EntreeAudit(clock.instant(), contexte.acteur(), contexte.organisation(), contexte.canal(),
                operation, numero, territoire, details));
    }

    private static Demande avec(Demande d, Statut statut, LocalDate validite, LocalDate renouvellement,
                                Radiation radiation, Dossier dossier) {
        return new Demande(d.numeroUnique(), statut, d.guichet(), d.territoire(), d.dateDepot(), validite,
                renouvellement, radiation, d.version() + 1, dossier);
    }

    private static void exigerActive(Demande d, String action) {
        if (d.statut() == Statut.RADIEE) {
            throw new TransitionInterditeException("La demande " + d.numeroUnique() + " est radiée ("
                    + d.radiation().motif() + " le " + d.radiation().date() + ") : elle ne peut plus être " + action
                    + ".");
        }
    }

    private EvenementDemande evenement(Demande demande, EntreeHistorique entree) {
        return evenement(json, demande, entree);
    }

    /** The outbox event of a change (also written by the bulk imports). */
    static EvenementDemande evenement(JsonCodec json, Demande demande, EntreeHistorique entree) {
        UUID id = UUID.randomUUID();
        String type = entree.operation().evenement();
        return new EvenementDemande(id, type, demande.numeroUnique(), entree.horodatage(), json.ecrire(
                new ContenuEvenement(ContenuEvenement.VERSION_SCHEMA, id.toString(), id, type, entree.horodatage(),
                        entree.canal().name(), entree.changements(), demande)));
    }

    private static void refuserSiInvalide(List<ErreurChamp> erreurs, Contexte contexte, String quoi) {
        if (!erreurs.isEmpty()) {
            LOG.info("Refus ({}, canal {}) : {} erreur(s) de validation sur {}", quoi, contexte.canal(), erreurs.size(),
                    erreurs.stream().map(ErreurChamp::champ).toList());
            throw new DemandeInvalideException(erreurs);
        }
    }

    private static String numeroValide(String numeroUnique) {
        String numero = numeroUnique == null ? null : numeroUnique.strip();
        List<ErreurChamp> erreurs = ValidateurDemande.validerNumero(numero);
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
        return numero;
    }

    private static String vide(String texte) {
        return texte == null || texte.isBlank() ? null : texte.strip();
    }
}
