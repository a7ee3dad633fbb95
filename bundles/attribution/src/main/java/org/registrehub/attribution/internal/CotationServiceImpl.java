package org.registrehub.attribution.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.RegistreException;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.CotationDemande;
import org.registrehub.api.attribution.CotationService;
import org.registrehub.api.attribution.CritereCotation;
import org.registrehub.api.attribution.GrilleCotation;
import org.registrehub.api.attribution.spi.CotationStore;
import org.registrehub.api.planification.EcheanceQuotidienne;
import org.registrehub.api.spi.BauxCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cotation: grids defined by the gestionnaires (each a new version, audited, applied at once to every pending
 * demand of the territory, by batches), a demand's points kept by the database ({@code cotation_detail}, V22) and its
 * daily update — the points of ancienneté on the monthly anniversary of the filing, and any grid whose application
 * was interrupted — once for the cluster under a lease.
 */
@Component(service = CotationService.class, configurationPid = "org.registrehub.attribution")
public class CotationServiceImpl implements CotationService {

    private static final Logger LOG = LoggerFactory.getLogger(CotationServiceImpl.class);
    /** Demands scored again per transaction. */
    static final int LOT = 5_000;
    static final String BAIL = "cotation-";
    static final Duration DUREE_BAIL = Duration.ofHours(1);

    private final CotationStore store;
    private final BauxCluster baux;
    private final Clock horloge;
    private volatile EcheanceQuotidienne echeance;

    @Activate
    public CotationServiceImpl(@Reference CotationStore store, @Reference BauxCluster baux,
                               Map<String, Object> proprietes) {
        this(store, baux, Clock.system(ZoneId.of("Europe/Paris")));
        configurer(proprietes);
    }

    public CotationServiceImpl(CotationStore store, BauxCluster baux, Clock horloge) {
        this.store = store;
        this.baux = baux;
        this.horloge = horloge;
        this.echeance = new EcheanceQuotidienne(LocalTime.of(4, 0), horloge.getZone());
    }

    @Modified
    void configurer(Map<String, Object> proprietes) {
        Object heure = proprietes.get("cotation.heure");
        try {
            echeance = new EcheanceQuotidienne(heure == null ? LocalTime.of(4, 0)
                    : LocalTime.parse(String.valueOf(heure).strip()), horloge.getZone());
        } catch (DateTimeParseException e) {
            LOG.error("org.registrehub.attribution : cotation.heure « {} » n'est pas une heure (HH:MM) ; l'heure"
                    + " précédente ({}) reste", heure, echeance.heure());
        }
    }

    // ------------------------------------------------------------------ grids

    @Override
    public GrilleCotation definirGrille(String territoire, List<CritereCotation> criteres, Contexte contexte) {
        Droits.exigerRole(contexte, java.util.EnumSet.of(Role.GESTIONNAIRE), "la définition d'une grille de"
                + " cotation");
        String t = territoire == null ? null : territoire.strip();
        List<ErreurChamp> erreurs = ValidateurCotation.valider(t, criteres);
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException("La grille de cotation", erreurs);
        }
        String departement = exigerTerritoire(contexte, t);
        List<CritereCotation> propres = criteres.stream().map(c -> new CritereCotation(c.code(), c.libelle().strip(),
                c.type(), c.valeur(), c.points(), c.plafond())).toList();
        Instant maintenant = horloge.instant();
        GrilleCotation g = store.enregistrer(new GrilleCotation(t, 0, propres, contexte.acteur(),
                contexte.organisation(), maintenant, null), contexte.canal().name(), new EntreeAudit(maintenant,
                contexte.acteur(), contexte.organisation(), contexte.canal(), "COTATION_GRILLE", null, departement,
                "territoire " + t + ", " + propres.size() + " critère(s) : " + String.join(", ", propres.stream()
                        .map(c -> c.code() + " " + c.points()).toList())));
        LOG.info("Grille de cotation {} version {} définie par {} ({} critères) ; application aux demandes en"
                + " attente", t, g.version(), contexte.acteur(), propres.size());
        long changees = appliquer(g);
        LOG.info("Grille de cotation {} version {} appliquée : {} demande(s) aux points changés", t, g.version(),
                changees);
        return store.grille(t).orElse(g);
    }

    /** The gestionnaire covers the département, or the EPCI (granted, or all its communes in its départements). */
    private String exigerTerritoire(Contexte contexte, String t) {
        Identite i = contexte.identite();
        if (t.length() == 3) {
            if (!i.couvre(t)) {
                throw new AccesRefuseException("Accès refusé : le département " + t + " est hors des territoires de "
                        + i.organisation().code() + " (" + new TreeSet<>(i.territoires()) + ").");
            }
            return t;
        }
        List<String> communes = store.communesEpci(t);
        if (communes.isEmpty()) {
            throw new RegistreException("INTROUVABLE", "EPCI " + t + " inconnu : un gestionnaire le définit avec ses"
                    + " communes (POST /api/v1/acces/epci) avant sa grille.");
        }
        if (!i.couvre(t) && !communes.stream().allMatch(c -> i.couvre(LogementsServiceImpl.departement(c)))) {
            throw new AccesRefuseException("Accès refusé : l'EPCI " + t + " n'est pas dans les territoires de "
                    + i.organisation().code() + ".");
        }
        return LogementsServiceImpl.departement(communes.get(0));
    }

    /** Scores the territory's pending demands by the grid, a batch per transaction; then marks it applied. */
    private long appliquer(GrilleCotation g) {
        List<Long> ids = store.demandesDuTerritoire(g.territoire());
        LocalDate jour = LocalDate.now(horloge);
        long changees = 0;
        for (int i = 0; i < ids.size(); i += LOT) {
            changees += store.recalculer(ids.subList(i, Math.min(ids.size(), i + LOT)), jour);
            if (ids.size() > LOT) {
                LOG.info("Grille de cotation {} : {} / {} demandes", g.territoire(), Math.min(ids.size(), i + LOT),
                        ids.size());
            }
        }
        store.marquerAppliquee(g.territoire(), g.version());
        return changees;
    }

    @Override
    public Optional<GrilleCotation> grille(String territoire, Contexte contexte) {
        return store.grille(valide(territoire));
    }

    @Override
    public List<GrilleCotation> versions(String territoire, Contexte contexte) {
        return store.versions(valide(territoire));
    }

    private static String valide(String territoire) {
        if (territoire == null || !territoire.strip().matches(ValidateurCotation.TERRITOIRE)) {
            throw new DemandeInvalideException("Le territoire", List.of(new ErreurChamp("territoire", "format",
                    territoire, "département (3 caractères : 044, 02A) ou EPCI (SIREN, 9 chiffres)")));
        }
        return territoire.strip();
    }

    // ------------------------------------------------------------------ a demand's cotation

    @Override
    public CotationDemande cotation(String numeroUnique, Contexte contexte) {
        Droits.exigerRole(contexte, java.util.EnumSet.of(Role.GUICHET, Role.BAILLEUR, Role.GESTIONNAIRE),
                "la lecture de la cotation d'une demande");
        if (numeroUnique == null || !numeroUnique.strip().matches(ValidateurLogement.NUMERO)) {
            throw new DemandeInvalideException("La demande", List.of(new ErreurChamp("numeroUnique", "format",
                    numeroUnique, "numéro unique attendu (18 caractères)")));
        }
        String numero = numeroUnique.strip();
        LocalDate jour = LocalDate.now(horloge);
        CotationStore.Cotation c = store.cotation(numero, jour).orElseThrow(() -> new TransitionInterditeException(
                "La demande " + numero + " n'est pas en attente (inconnue ou radiée) : elle n'a pas de cotation."));
        Identite i = contexte.identite();
        if (!i.couvre(c.territoireDemande()) && c.communes().stream().noneMatch(i::couvreCommune)) {
            throw new AccesRefuseException("Accès refusé : la demande " + numero + " relève du territoire "
                    + c.territoireDemande() + ", hors des territoires de " + i.organisation().code() + ".");
        }
        store.auditer(new EntreeAudit(horloge.instant(), contexte.acteur(), contexte.organisation(), contexte.canal(),
                "COTATION", numero, c.territoireDemande(), c.points() + " point(s), position " + c.position() + " sur "
                + c.comparees()));
        return new CotationDemande(numero, jour, c.territoireGrille(), c.versionGrille(), c.points(), c.detail(),
                c.commune(), c.typologie(), c.position(), c.comparees(), c.attributions(),
                c.delaiMoyenJours() == null ? null : Math.round(c.delaiMoyenJours() / 30.4375 * 10) / 10.0);
    }

    // ------------------------------------------------------------------ daily update

    @Override
    public boolean echue() {
        Instant maintenant = horloge.instant();
        if (!store.nonAppliquees().isEmpty()) {
            return true;
        }
        LocalDate aujourdhui = LocalDate.now(horloge);
        return echeance.heureVenue(maintenant) && store.derniereMiseAJour().map(d -> d.isBefore(aujourdhui))
                .orElse(true);
    }

    @Override
    public long mettreAJour(Contexte contexte) {
        LocalDate aujourdhui = LocalDate.now(horloge);
        String bail = BAIL + aujourdhui;
        String noeud = baux.noeud();
        if (!baux.prendre(bail, noeud, DUREE_BAIL)) {
            LOG.info("Mise à jour de la cotation du {} en cours sur un autre nœud", aujourdhui);
            return 0;
        }
        try {
            long changees = 0;
            for (GrilleCotation g : store.nonAppliquees()) {
                LOG.info("Grille de cotation {} version {} non appliquée : application", g.territoire(), g.version());
                changees += appliquer(g);
            }
            if (echeance.heureVenue(horloge.instant())) {
                LocalDate derniere = store.derniereMiseAJour().orElse(aujourdhui.minusDays(1));
                List<Integer> jours = joursAnniversaires(derniere, aujourdhui);
                List<Long> ids = store.anniversaires(jours);
                for (int i = 0; i < ids.size(); i += LOT) {
                    changees += store.recalculer(ids.subList(i, Math.min(ids.size(), i + LOT)), aujourdhui);
                }
                store.marquerMiseAJour(aujourdhui, changees);
                LOG.info("Cotation du {} : {} demande(s) à l'anniversaire de leur dépôt (jours {}), {} aux points"
                        + " changés", aujourdhui, ids.size(), jours, changees);
            }
            return changees;
        } finally {
            baux.rendre(bail, noeud);
        }
    }

    /**
     * The filing days of month whose monthly anniversary fell after {@code derniere} up to {@code jour}: each day's
     * own, and on the last day of a month the days it does not have (a filing of the 31st has its anniversary on the
     * 30th of a 30-day month).
     */
    static List<Integer> joursAnniversaires(LocalDate derniere, LocalDate jour) {
        TreeSet<Integer> jours = new TreeSet<>();
        LocalDate d = derniere.plusDays(1).isBefore(jour.minusDays(31)) ? jour.minusDays(31) : derniere.plusDays(1);
        for (; !d.isAfter(jour); d = d.plusDays(1)) {
            jours.add(d.getDayOfMonth());
            if (d.getDayOfMonth() == d.lengthOfMonth()) {
                for (int j = d.getDayOfMonth() + 1; j <= 31; j++) {
                    jours.add(j);
                }
            }
        }
        return new ArrayList<>(jours);
    }
}
