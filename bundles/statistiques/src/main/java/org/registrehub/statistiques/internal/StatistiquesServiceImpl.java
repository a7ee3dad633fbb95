package org.registrehub.statistiques.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.PointQualite;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TableauSatisfaction;
import org.registrehub.api.statistiques.TendanceQualite;
import org.registrehub.api.statistiques.spi.EffectifStatistique;
import org.registrehub.api.statistiques.spi.StatistiquesStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Infocentre's figures. The stock and flows are counts of movements (registrations, radiations by reason,
 * reactivations, changes of first wished commune) up to the last day asked for: the stock at a past date is exact,
 * whatever happened since. Breakdowns, délais and quality are those of the demands pending today (Paris). Aggregated
 * figures only. The gestionnaires, observateurs and administrators read every line, exact; a guichet or a bailleur
 * reads the lines of its territories with the secret statistique ({@link DroitsStatistiques},
 * {@link SecretStatistique}). Rules from {@code org.registrehub.statistiques}. The
 * rollups are refreshed before each read and every five minutes in the background (one node at a time).
 */
@Component(service = StatistiquesService.class, configurationPid = "org.registrehub.statistiques")
public class StatistiquesServiceImpl implements StatistiquesService {

    private static final Logger LOG = LoggerFactory.getLogger(StatistiquesServiceImpl.class);
    /** The register's history cannot start before the numéro unique (1999): nothing earlier is asked. */
    static final LocalDate ORIGINE = LocalDate.of(1999, 1, 1);
    /** Longest monthly series served at once (50 years). */
    static final int MOIS_MAX = 600;

    private final StatistiquesStore store;
    private final Clock horloge;
    private volatile ReglesStatistiques regles;
    /** Folds what the writes left pending into the rollups now and then, even when nobody reads. */
    private java.util.concurrent.ScheduledExecutorService planificateur;

    @Activate
    public StatistiquesServiceImpl(@Reference StatistiquesStore store, Map<String, Object> proprietes) {
        this(store, Clock.system(ZoneId.of("Europe/Paris")), ReglesStatistiques.DEFAUT);
        configurer(proprietes);
        planificateur = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "statistiques-agregats");
            t.setDaemon(true);
            return t;
        });
        planificateur.scheduleWithFixedDelay(this::rafraichirEnFond, 1, 5, java.util.concurrent.TimeUnit.MINUTES);
        planificateur.scheduleWithFixedDelay(this::photographierEnFond, PHOTO_DELAI_MINUTES, PHOTO_PERIODE_MINUTES,
                java.util.concurrent.TimeUnit.MINUTES);
    }

    /** The quality indicators are photographed a few minutes after the start, then every twelve hours. */
    static final long PHOTO_DELAI_MINUTES = 3;
    static final long PHOTO_PERIODE_MINUTES = 12 * 60;

    private void photographierEnFond() {
        try {
            long t0 = System.nanoTime();
            int n = photographierQualite(LocalDate.now(horloge));
            LOG.info("Indicateurs de qualité photographiés pour {} : {} guichet(s) en {} ms",
                    YearMonth.now(horloge), n, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // the next round retries; the month keeps its previous photograph meanwhile
            LOG.warn("Indicateurs de qualité non photographiés : {}", e.getMessage());
        }
    }

    /**
     * Photographs the quality indicators of every guichet as they are on {@code jour}: the month's photograph so far
     * is replaced (a month keeps its last one). Every node may do it: the result is the same.
     */
    int photographierQualite(LocalDate jour) {
        List<LigneQualite> lignes = store.qualite(jour);
        store.photographierQualite(YearMonth.from(jour), lignes);
        return lignes.size();
    }

    @org.osgi.service.component.annotations.Deactivate
    void arreter() {
        if (planificateur != null) {
            planificateur.shutdownNow();
        }
    }

    private void rafraichirEnFond() {
        try {
            long t0 = System.nanoTime();
            long n = store.rafraichir();
            if (n > 0) {
                LOG.info("Agrégats statistiques : {} mouvement(s) ajouté(s) en {} ms", n,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // the next round retries; readers stay exact meanwhile (they add what is pending themselves)
            LOG.warn("Agrégats statistiques non rafraîchis : {}", e.getMessage());
        }
    }

    StatistiquesServiceImpl(StatistiquesStore store, Clock horloge, ReglesStatistiques regles) {
        this.store = store;
        this.horloge = horloge;
        this.regles = regles;
    }

    @Modified
    void configurer(Map<String, Object> proprietes) {
        try {
            regles = ReglesStatistiques.lire(proprietes);
            LOG.info("Statistiques : délai anormalement long {} mois{}, secret statistique sous {}",
                    regles.delaiDefautMois(), regles.seuils().isEmpty() ? "" : ", seuils propres " + regles.seuils(),
                    regles.seuilSecret());
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration org.registrehub.statistiques refusée, les règles précédentes restent : {}",
                    e.getMessage());
        }
    }

    @Override
    public TableauFlux flux(LocalDate debut, LocalDate fin, Granularite granularite, Contexte contexte) {
        TableauFlux t = fluxExacts(debut, fin, granularite, contexte);
        return diffuser(t, contexte, SecretStatistique::flux);
    }

    private TableauFlux fluxExacts(LocalDate debut, LocalDate fin, Granularite granularite, Contexte contexte) {
        verifier(debut, fin, granularite);
        long t0 = System.nanoTime();
        rafraichir();
        Predicate<String> lit = lisibles(granularite, contexte);
        List<LigneFlux> lignes = store.flux(granularite, debut, fin).stream()
                .filter(l -> l.stockDebut() != 0 || l.stockFin() != 0 || l.entrees() != 0 || l.sorties() != 0)
                .filter(l -> lit.test(l.code()))
                .toList();
        LOG.debug("Tableau des flux {} du {} au {} pour {} : {} ligne(s) en {} ms", granularite, debut, fin,
                contexte.acteur(), lignes.size(), (System.nanoTime() - t0) / 1_000_000);
        return new TableauFlux(debut, fin, granularite, lignes);
    }

    @Override
    public TableauFlux stock(LocalDate jour, Granularite granularite, Contexte contexte) {
        TableauFlux t = fluxExacts(jour, jour, granularite, contexte);
        return diffuser(new TableauFlux(jour, jour, granularite, t.lignes().stream().filter(l -> l.stockFin() != 0)
                .toList()), contexte, SecretStatistique::flux);
    }

    /** The lines the caller reads: all of them inside the circle, those of its territories for a partner. */
    private Predicate<String> lisibles(Granularite granularite, Contexte contexte) {
        Identite i = contexte.identite();
        if (DroitsStatistiques.dansLeCercle(i)) {
            return code -> true;
        }
        Map<String, Set<String>> groupes = store.departementsDesGroupes(granularite);
        return code -> DroitsStatistiques.lit(i, granularite, code, groupes);
    }

    /** The table as the caller may see it: exact inside the circle, its small cells masked for a partner. */
    private <T> T diffuser(T tableau, Contexte contexte, BiFunction<T, Integer, T> secret) {
        return DroitsStatistiques.dansLeCercle(contexte.identite()) ? tableau
                : secret.apply(tableau, regles.seuilSecret());
    }

    @Override
    public Repartition repartition(Dimension dimension, Granularite granularite, Contexte contexte) {
        return repartitions(java.util.Collections.singletonList(dimension), granularite, contexte).get(0);
    }

    @Override
    public List<Repartition> repartitions(List<Dimension> dimensions, Granularite granularite, Contexte contexte) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (dimensions == null || dimensions.isEmpty() || dimensions.stream().anyMatch(java.util.Objects::isNull)) {
            erreurs.add(new ErreurChamp("dimension", "obligatoire", null, String.join(", ",
                    java.util.Arrays.stream(Dimension.values()).map(Enum::name).toList())));
        }
        granularite(granularite, erreurs);
        lever(erreurs);
        Predicate<String> lit = lisibles(granularite, contexte);
        rafraichir();
        LocalDate jour = LocalDate.now(horloge);
        Map<Dimension, List<EffectifStatistique>> parDimension = dimensions.size() == 1
                ? Map.of(dimensions.get(0), store.repartition(dimensions.get(0), granularite, jour, regles.plafonds()))
                : store.repartitions(dimensions, granularite, jour, regles.plafonds());
        List<Repartition> tableaux = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            Map<String, Map<String, Long>> parGroupe = new LinkedHashMap<>();
            for (EffectifStatistique e : parDimension.get(dimension)) {
                if (!lit.test(e.code())) {
                    continue;
                }
                parGroupe.computeIfAbsent(e.code(), c -> zeros(dimension.modalites())).merge(e.modalite(), e.n(),
                        Long::sum);
            }
            List<LigneRepartition> lignes = new ArrayList<>();
            parGroupe.forEach((code, effectifs) -> lignes.add(new LigneRepartition(code, effectifs)));
            tableaux.add(diffuser(new Repartition(dimension, jour, granularite, lignes), contexte,
                    SecretStatistique::repartition));
        }
        return tableaux;
    }

    private static Map<String, Long> zeros(List<String> modalites) {
        Map<String, Long> m = new LinkedHashMap<>();
        modalites.forEach(x -> m.put(x, 0L));
        return m;
    }

    @Override
    public TableauDelais delaisAnormalementLongs(Contexte contexte) {
        LocalDate jour = LocalDate.now(horloge);
        ReglesStatistiques r = regles;
        Predicate<String> lit = lisibles(Granularite.DEPARTEMENT, contexte);
        return diffuser(new TableauDelais(jour, store.delais(jour, r.seuils(), r.delaiDefautMois()).stream()
                .filter(l -> lit.test(l.departement())).toList()), contexte, SecretStatistique::delais);
    }

    @Override
    public TableauSatisfaction satisfaction(LocalDate debut, LocalDate fin, Granularite granularite,
                                            Contexte contexte) {
        verifier(debut, fin, granularite);
        Predicate<String> lit = lisibles(granularite, contexte);
        return diffuser(new TableauSatisfaction(debut, fin, granularite, store.satisfaction(granularite, debut, fin)
                .stream().filter(l -> lit.test(l.code())).toList()), contexte, SecretStatistique::satisfaction);
    }

    @Override
    public SerieMensuelle serieMensuelle(LocalDate debut, LocalDate fin, String departement, Contexte contexte) {
        List<ErreurChamp> erreurs = periode(debut, fin);
        if (departement != null && !departement.matches("[0-9]{2}[0-9AB]")) {
            erreurs.add(new ErreurChamp("departement", "format", departement,
                    "code de trois caractères du numéro unique (044, 02A, 974)"));
        }
        if (erreurs.isEmpty() && YearMonth.from(debut).plusMonths(MOIS_MAX).isBefore(YearMonth.from(fin))) {
            erreurs.add(new ErreurChamp("fin", "periode", fin.toString(), "au plus " + MOIS_MAX + " mois"));
        }
        lever(erreurs);
        Identite i = contexte.identite();
        String lu = DroitsStatistiques.dansLeCercle(i) ? departement
                : DroitsStatistiques.departementDeSerie(i, departement);
        rafraichir();
        Map<YearMonth, LigneMensuelle> lues = new HashMap<>();
        store.serie(debut, fin, lu).forEach(l -> lues.put(l.mois(), l));
        List<LigneMensuelle> mois = new ArrayList<>();
        for (YearMonth m = YearMonth.from(debut); !m.isAfter(YearMonth.from(fin)); m = m.plusMonths(1)) {
            mois.add(lues.getOrDefault(m, new LigneMensuelle(m, 0, 0, 0, 0, 0)));
        }
        return diffuser(new SerieMensuelle(debut, fin, lu, mois), contexte, SecretStatistique::serie);
    }

    @Override
    public TableauQualite qualite(Contexte contexte) {
        LocalDate jour = LocalDate.now(horloge);
        long t0 = System.nanoTime();
        Predicate<String> lit = lisibles(Granularite.GUICHET, contexte);
        TableauQualite t = diffuser(new TableauQualite(jour, store.qualite(jour).stream()
                .filter(l -> lit.test(l.guichet())).toList()), contexte, SecretStatistique::qualite);
        LOG.debug("Indicateurs de qualité pour {} : {} guichet(s) en {} ms", contexte.acteur(), t.lignes().size(),
                (System.nanoTime() - t0) / 1_000_000);
        return t;
    }

    @Override
    public TendanceQualite tendanceQualite(String guichet, YearMonth debut, YearMonth fin, Contexte contexte) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (debut == null) {
            erreurs.add(new ErreurChamp("debut", "obligatoire", null, "premier mois de la période (AAAA-MM)"));
        }
        if (fin == null) {
            erreurs.add(new ErreurChamp("fin", "obligatoire", null, "dernier mois de la période (AAAA-MM)"));
        }
        if (debut != null && fin != null && (fin.isBefore(debut) || debut.until(fin,
                java.time.temporal.ChronoUnit.MONTHS) >= MOIS_MAX)) {
            erreurs.add(new ErreurChamp("fin", "periode", fin.toString(), "après le début, " + MOIS_MAX
                    + " mois au plus"));
        }
        if (guichet != null && !guichet.matches("G[0-9]{4}|GDPUB")) {
            erreurs.add(new ErreurChamp("guichet", "format", guichet, "code de guichet : G et quatre chiffres"));
        }
        lever(erreurs);
        Predicate<String> lit = lisibles(Granularite.GUICHET, contexte);
        if (guichet != null && !lit.test(guichet)) {
            throw new org.registrehub.api.AccesRefuseException("Accès refusé : le guichet " + guichet + " est hors du"
                    + " périmètre statistique de « " + contexte.identite().identifiant() + " ».");
        }
        boolean exact = DroitsStatistiques.dansLeCercle(contexte.identite());
        int seuil = regles.seuilSecret();
        List<PointQualite> points = new ArrayList<>();
        store.qualiteMensuelle(debut, fin).forEach((mois, lignes) -> {
            long actives = 0;
            Map<IndicateurQualite, Long> somme = new java.util.EnumMap<>(IndicateurQualite.class);
            for (LigneQualite l : lignes) {
                if (guichet == null ? lit.test(l.guichet()) : guichet.equals(l.guichet())) {
                    actives += l.actives();
                    l.valeurs().forEach((i, n) -> somme.merge(i, n == null ? 0 : n, Long::sum));
                }
            }
            if (!exact) {
                // a partner outside the circle: the small counts stay under the statistical secret
                somme.replaceAll((i, n) -> n > 0 && n < seuil ? null : n);
            }
            points.add(new PointQualite(mois, actives, somme));
        });
        String territoire = guichet != null ? store.territoireDuGuichet(guichet).orElse(null)
                : contexte.identite().departements().stream().sorted().findFirst().orElse(null);
        return new TendanceQualite(guichet, territoire, points, territoire == null ? Map.of()
                : store.ciblesQualite(territoire));
    }

    @Override
    public Map<IndicateurQualite, java.math.BigDecimal> definirCibleQualite(String territoire,
                                                                           IndicateurQualite indicateur,
                                                                           java.math.BigDecimal cible,
                                                                           Contexte contexte) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (territoire == null || !territoire.matches("[0-9]{2}[0-9AB]")) {
            erreurs.add(new ErreurChamp("territoire", "format", territoire,
                    "code de trois caractères du numéro unique (044, 02A, 974)"));
        }
        if (indicateur == null) {
            erreurs.add(new ErreurChamp("indicateur", "obligatoire", null, "un indicateur de qualité"));
        }
        if (cible != null && (cible.signum() < 0 || cible.compareTo(java.math.BigDecimal.valueOf(100)) > 0
                || cible.stripTrailingZeros().scale() > 2)) {
            erreurs.add(new ErreurChamp("cible", "intervalle", cible.toPlainString(),
                    "part en pourcentage de 0 à 100, deux décimales au plus"));
        }
        lever(erreurs);
        Identite i = contexte.identite();
        if (!i.a(Role.GESTIONNAIRE) || !i.couvre(territoire)) {
            throw new org.registrehub.api.AccesRefuseException("Accès refusé : les cibles de qualité du " + territoire
                    + " sont fixées par un gestionnaire de ce département ; « " + i.identifiant() + " » ne l'est pas.");
        }
        store.definirCibleQualite(territoire, indicateur, cible, new org.registrehub.api.acces.EntreeAudit(
                horloge.instant(), contexte.acteur(), contexte.organisation(), contexte.canal(), "CIBLE_QUALITE",
                null, territoire, indicateur.name() + " : " + (cible == null ? "cible retirée" : "au plus "
                + cible.toPlainString() + " %")));
        return store.ciblesQualite(territoire);
    }

    /**
     * Brings the daily rollup up to date before reading it (the store's figures are exact either way; this keeps
     * the movements it must add by itself few).
     */
    private void rafraichir() {
        long n = store.rafraichir();
        if (n > 0) {
            LOG.debug("{} mouvement(s) ajouté(s) à l'agrégat journalier", n);
        }
    }

    @Override
    public org.registrehub.api.statistiques.TableauAttributions attributions(LocalDate debut, LocalDate fin,
            Granularite granularite, org.registrehub.api.statistiques.DimensionAttribution dimension,
            Contexte contexte) {
        verifierAttributions(debut, fin, granularite, dimension == null ? null : List.of(dimension));
        return tableauAttributions(debut, fin, granularite, dimension, store.attributions(dimension, granularite,
                debut, fin, regles.plafonds()), contexte);
    }

    @Override
    public List<org.registrehub.api.statistiques.TableauAttributions> attributions(LocalDate debut, LocalDate fin,
            Granularite granularite, List<org.registrehub.api.statistiques.DimensionAttribution> dimensions,
            Contexte contexte) {
        verifierAttributions(debut, fin, granularite, dimensions);
        // one reading of the period's attributions for every table
        Map<org.registrehub.api.statistiques.DimensionAttribution, List<EffectifStatistique>> parDimension =
                store.attributions(dimensions, granularite, debut, fin, regles.plafonds());
        return dimensions.stream().map(d -> tableauAttributions(debut, fin, granularite, d, parDimension.get(d),
                contexte)).toList();
    }

    private void verifierAttributions(LocalDate debut, LocalDate fin, Granularite granularite,
                                      List<org.registrehub.api.statistiques.DimensionAttribution> dimensions) {
        List<ErreurChamp> erreurs = periode(debut, fin);
        granularite(granularite, erreurs);
        if (dimensions == null || dimensions.isEmpty() || dimensions.stream().anyMatch(java.util.Objects::isNull)) {
            erreurs.add(new ErreurChamp("dimension", "obligatoire", null, String.join(", ", java.util.Arrays.stream(
                    org.registrehub.api.statistiques.DimensionAttribution.values()).map(Enum::name).toList())));
        }
        lever(erreurs);
    }

    private org.registrehub.api.statistiques.TableauAttributions tableauAttributions(LocalDate debut, LocalDate fin,
            Granularite granularite, org.registrehub.api.statistiques.DimensionAttribution dimension,
            List<EffectifStatistique> effectifs, Contexte contexte) {
        Predicate<String> lit = lisibles(granularite, contexte);
        List<String> modalites = dimension.ouverte() ? effectifs.stream().map(EffectifStatistique::modalite)
                .distinct().sorted().toList() : dimension.modalites();
        Map<String, Map<String, Long>> parGroupe = new LinkedHashMap<>();
        for (EffectifStatistique e : effectifs) {
            if (lit.test(e.code())) {
                parGroupe.computeIfAbsent(e.code(), c -> zeros(modalites)).merge(e.modalite(), e.n(), Long::sum);
            }
        }
        List<LigneRepartition> lignes = new ArrayList<>();
        parGroupe.forEach((code, n) -> lignes.add(new LigneRepartition(code, n)));
        return diffuser(new org.registrehub.api.statistiques.TableauAttributions(dimension, debut, fin, granularite,
                modalites, lignes, null), contexte, SecretStatistique::attributions);
    }

    @Override
    public org.registrehub.api.statistiques.TableauPression pression(LocalDate debut, LocalDate fin,
                                                                    Contexte contexte) {
        TableauFlux communes = fluxExacts(debut, fin, Granularite.COMMUNE, contexte);
        List<org.registrehub.api.statistiques.LignePression> lignes = communes.lignes().stream()
                .map(l -> new org.registrehub.api.statistiques.LignePression(l.code(), l.stockFin(), l.attribution()))
                .filter(l -> l.enAttente() > 0 || l.attributions() > 0)
                .sorted(java.util.Comparator.comparing((org.registrehub.api.statistiques.LignePression l) ->
                        l.pression() == null ? Double.MAX_VALUE : l.pression()).reversed()
                        .thenComparing(org.registrehub.api.statistiques.LignePression::commune))
                .toList();
        return diffuser(new org.registrehub.api.statistiques.TableauPression(debut, fin, lignes, null), contexte,
                SecretStatistique::pression);
    }

    @Override
    public List<org.registrehub.api.statistiques.LigneAccord> accords(int annee, Contexte contexte) {
        Identite i = contexte.identite();
        if (!DroitsStatistiques.dansLeCercle(i)) {
            throw new org.registrehub.api.AccesRefuseException("Accès refusé : les accords collectifs se lisent par"
                    + " les gestionnaires et les observateurs ; « " + i.identifiant() + " » n'en est pas.");
        }
        annee(annee);
        return store.accords(annee).stream().filter(a -> !i.a(Role.GESTIONNAIRE) || i.a(Role.ADMIN)
                || i.a(Role.OBSERVATEUR) || i.couvre(a.territoire())).toList();
    }

    @Override
    public org.registrehub.api.statistiques.LigneAccord definirAccord(String territoire, String bailleur, int annee,
                                                                     long objectif, Contexte contexte) {
        Identite i = contexte.identite();
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (territoire == null || !territoire.matches("[0-9]{2}[0-9AB]")) {
            erreurs.add(new ErreurChamp("territoire", "format", territoire,
                    "code de trois caractères du numéro unique (044, 02A, 974)"));
        }
        if (bailleur == null || !bailleur.strip().matches("[A-Za-z0-9_.-]{1,20}")) {
            erreurs.add(new ErreurChamp("bailleur", "format", bailleur,
                    "code de l'organisation du bailleur (20 caractères au plus), celui que ses baux portent"));
        }
        if (annee < 2000 || annee > 2100) {
            erreurs.add(new ErreurChamp("annee", "intervalle", Integer.toString(annee), "entre 2000 et 2100"));
        }
        if (objectif < 0 || objectif > 1_000_000) {
            erreurs.add(new ErreurChamp("objectif", "intervalle", Long.toString(objectif),
                    "nombre de ménages prioritaires à loger, de 0 à 1 000 000"));
        }
        lever(erreurs);
        if (!i.a(Role.GESTIONNAIRE) || !i.couvre(territoire)) {
            throw new org.registrehub.api.AccesRefuseException("Accès refusé : l'objectif d'un accord collectif du "
                    + territoire + " est fixé par un gestionnaire de ce département ; « " + i.identifiant()
                    + " » ne l'est pas.");
        }
        org.registrehub.api.statistiques.LigneAccord accord = new org.registrehub.api.statistiques.LigneAccord(
                territoire, bailleur.strip(), annee, objectif, 0);
        store.definirAccord(accord, new org.registrehub.api.acces.EntreeAudit(horloge.instant(), contexte.acteur(),
                contexte.organisation(), contexte.canal(), "ACCORD_COLLECTIF", null, territoire, "bailleur "
                        + accord.bailleur() + ", " + annee + " : " + objectif + " ménage(s) prioritaire(s)"));
        return accords(annee, contexte).stream().filter(a -> a.territoire().equals(territoire)
                && a.bailleur().equals(accord.bailleur())).findFirst().orElse(accord);
    }

    private static void annee(int annee) {
        if (annee < 2000 || annee > 2100) {
            throw new DemandeInvalideException(List.of(new ErreurChamp("annee", "intervalle",
                    Integer.toString(annee), "entre 2000 et 2100")));
        }
    }

    private static void verifier(LocalDate debut, LocalDate fin, Granularite granularite) {
        List<ErreurChamp> erreurs = periode(debut, fin);
        granularite(granularite, erreurs);
        lever(erreurs);
    }

    private static List<ErreurChamp> periode(LocalDate debut, LocalDate fin) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (debut == null) {
            erreurs.add(new ErreurChamp("debut", "obligatoire", null, "premier jour de la période (AAAA-MM-JJ)"));
        } else if (debut.isBefore(ORIGINE)) {
            erreurs.add(new ErreurChamp("debut", "date", debut.toString(), "à partir du " + ORIGINE));
        }
        if (fin == null) {
            erreurs.add(new ErreurChamp("fin", "obligatoire", null, "dernier jour de la période (AAAA-MM-JJ)"));
        } else if (debut != null && fin.isBefore(debut)) {
            erreurs.add(new ErreurChamp("fin", "periode", fin.toString(), "le dernier jour suit le premier ("
                    + debut + ")"));
        }
        return erreurs;
    }

    private static void granularite(Granularite granularite, List<ErreurChamp> erreurs) {
        if (granularite == null) {
            erreurs.add(new ErreurChamp("granularite", "obligatoire", null,
                    "REGION, DEPARTEMENT, EPCI, COMMUNE ou GUICHET"));
        }
    }

    private static void lever(List<ErreurChamp> erreurs) {
        if (!erreurs.isEmpty()) {
            throw new DemandeInvalideException(erreurs);
        }
    }
}
