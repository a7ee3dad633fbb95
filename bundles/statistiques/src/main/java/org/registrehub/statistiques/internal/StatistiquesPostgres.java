package org.registrehub.statistiques.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.PlafondsRessources;
import org.registrehub.api.statistiques.spi.EffectifStatistique;
import org.registrehub.api.statistiques.spi.StatistiquesStore;

/**
 * The statistics' persistence (movements, rollups, statistical rows) on the register's database: this bundle's SQL
 * ({@code StatistiquesMapper.xml}), run through the shared core; each call is one transaction.
 */
@Component(service = StatistiquesStore.class)
public class StatistiquesPostgres implements StatistiquesStore {

    private final BaseDeDonnees.Sessions store;
    private final JsonCodec json;

    @Activate
    public StatistiquesPostgres(@Reference BaseDeDonnees base, @Reference JsonCodec json) {
        this.store = base.sessions(StatistiquesMapper.class);
        this.json = json;
    }

    @Override
    public List<LigneFlux> flux(Granularite granularite, LocalDate debut, LocalDate fin) {
        if (granularite == Granularite.COMMUNE || granularite == Granularite.EPCI) {
            return lire("statistiques des flux", m -> m.flux(granularite, debut, fin));
        }
        return lire("statistiques des flux", m -> m.fluxParJour(granularite, debut, fin));
    }

    /**
     * A read of the statistics in its own transaction, without compiling its query: a scan of the register's
     * statistical rows or movements is costed high enough for PostgreSQL's JIT to compile, inline and optimise it,
     * in each parallel worker (1.7 s of CPU measured for a 0.4 s national breakdown, on the cores the report's other
     * tables compute on). The transaction's {@code SET LOCAL} leaves the pooled connection as it was.
     */
    private <T> T lire(String operation, java.util.function.Function<StatistiquesMapper, T> lecture) {
        return store.executer(operation, StatistiquesMapper.class, m -> {
            m.sansCompilationJit();
            return lecture.apply(m);
        });
    }

    @Override
    public long rafraichir() {
        return store.executer("agrégation des mouvements", StatistiquesMapper.class,
                StatistiquesMapper::rafraichir);
    }

    @Override
    public List<EffectifStatistique> repartition(Dimension dimension, Granularite granularite, LocalDate jour,
                                                 PlafondsRessources plafonds) {
        return lire("répartition " + dimension, m -> m.repartition(dimension,
                granularite, jour, StatistiquesMapper.Plafonds.de(plafonds)));
    }

    @Override
    public List<EffectifStatistique> attributions(org.registrehub.api.statistiques.DimensionAttribution dimension,
                                                  Granularite granularite, LocalDate debut, LocalDate fin,
                                                  PlafondsRessources plafonds) {
        return lire("attributions par " + dimension, m -> m.attributions(
                dimension, granularite, debut, fin, StatistiquesMapper.Plafonds.de(plafonds)));
    }

    /** The breakdowns a scan of the pending demands gives (those of a day or of the ceilings), read together. */
    private static final java.util.Set<Dimension> DU_JOUR = java.util.EnumSet.of(Dimension.AGE,
            Dimension.REVENU_PLAFOND, Dimension.ANCIENNETE);

    @Override
    public Map<Dimension, List<EffectifStatistique>> repartitions(List<Dimension> dimensions, Granularite granularite,
                                                                  LocalDate jour, PlafondsRessources plafonds) {
        Map<Dimension, List<EffectifStatistique>> duJour = new java.util.EnumMap<>(Dimension.class);
        if (dimensions.stream().filter(DU_JOUR::contains).distinct().count() > 1) {
            DU_JOUR.forEach(d -> duJour.put(d, new java.util.ArrayList<>()));
            for (StatistiquesMapper.EffectifParDimension e : lire("répartitions du jour", m -> m.repartitionsDuJour(
                    granularite, jour, StatistiquesMapper.Plafonds.de(plafonds)))) {
                duJour.get(Dimension.valueOf(e.dimension())).add(new EffectifStatistique(e.code(), e.modalite(),
                        e.n()));
            }
        }
        Map<Dimension, List<EffectifStatistique>> parDimension = new java.util.LinkedHashMap<>();
        for (Dimension d : dimensions) {
            parDimension.put(d, duJour.containsKey(d) ? duJour.get(d) : repartition(d, granularite, jour, plafonds));
        }
        return parDimension;
    }

    @Override
    public Map<org.registrehub.api.statistiques.DimensionAttribution, List<EffectifStatistique>> attributions(
            List<org.registrehub.api.statistiques.DimensionAttribution> dimensions, Granularite granularite,
            LocalDate debut, LocalDate fin, PlafondsRessources plafonds) {
        Map<org.registrehub.api.statistiques.DimensionAttribution, List<EffectifStatistique>> parDimension =
                new java.util.LinkedHashMap<>();
        dimensions.forEach(d -> parDimension.put(d, new java.util.ArrayList<>()));
        if (dimensions.isEmpty()) {
            return parDimension;
        }
        for (StatistiquesMapper.EffectifParDimension e : lire("attributions de la période par dimension",
                m -> m.attributionsParDimension(granularite, debut, fin,
                        StatistiquesMapper.Plafonds.de(plafonds)))) {
            List<EffectifStatistique> effectifs = parDimension.get(
                    org.registrehub.api.statistiques.DimensionAttribution.valueOf(e.dimension()));
            if (effectifs != null) {
                effectifs.add(new EffectifStatistique(e.code(), e.modalite(), e.n()));
            }
        }
        return parDimension;
    }

    @Override
    public List<org.registrehub.api.statistiques.LigneAccord> accords(int annee) {
        return store.executer("accords collectifs " + annee, StatistiquesMapper.class, m -> m.accords(annee));
    }

    @Override
    public void definirAccord(org.registrehub.api.statistiques.LigneAccord accord,
                              org.registrehub.api.acces.EntreeAudit audit) {
        store.executer("objectif d'un accord collectif", StatistiquesMapper.class, m -> {
            m.definirAccord(accord, audit.acteur());
            return m.auditer(audit);
        });
    }

    @Override
    public List<LigneDelai> delais(LocalDate jour, Map<String, Integer> seuils, int defaut) {
        String objet = json.ecrire(seuils);
        return lire("délais anormalement longs", m -> m.delais(jour, objet, defaut));
    }

    @Override
    public List<LigneSatisfaction> satisfaction(Granularite granularite, LocalDate debut, LocalDate fin) {
        return lire("délais de satisfaction", m -> m.satisfaction(granularite, debut, fin));
    }

    @Override
    public void photographierQualite(java.time.YearMonth mois, List<LigneQualite> lignes) {
        store.executer("photographie des indicateurs de qualité " + mois, StatistiquesMapper.class, m -> {
            m.effacerQualite(mois.atDay(1));
            for (LigneQualite l : lignes) {
                Map<String, Long> v = new java.util.LinkedHashMap<>();
                l.valeurs().forEach((i, n) -> v.put(i.name(), n));
                m.photographierQualite(mois.atDay(1), l.guichet(), l.actives(), json.ecrire(v));
            }
            return lignes.size();
        });
    }

    @Override
    public Map<java.time.YearMonth, List<LigneQualite>> qualiteMensuelle(java.time.YearMonth debut,
                                                                         java.time.YearMonth fin) {
        Map<java.time.YearMonth, List<LigneQualite>> r = new java.util.TreeMap<>();
        for (Map<String, Object> l : store.executer("indicateurs de qualité mensuels", StatistiquesMapper.class,
                m -> m.qualiteMensuelle(debut.atDay(1), fin.atDay(1)))) {
            Map<IndicateurQualite, Long> valeurs = new EnumMap<>(IndicateurQualite.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> lues = json.lire(new java.io.ByteArrayInputStream(String.valueOf(l.get("valeurs"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.class);
            for (IndicateurQualite i : IndicateurQualite.values()) {
                Object n = lues.get(i.name());
                valeurs.put(i, n == null ? 0L : ((Number) n).longValue());
            }
            java.time.YearMonth mois = java.time.YearMonth.from(((java.sql.Date) l.get("mois")).toLocalDate());
            r.computeIfAbsent(mois, k -> new java.util.ArrayList<>()).add(new LigneQualite((String) l.get("guichet"),
                    ((Number) l.get("actives")).longValue(), valeurs));
        }
        return r;
    }

    @Override
    public Map<IndicateurQualite, java.math.BigDecimal> ciblesQualite(String territoire) {
        Map<IndicateurQualite, java.math.BigDecimal> r = new EnumMap<>(IndicateurQualite.class);
        for (Map<String, Object> l : store.executer("cibles de qualité du " + territoire, StatistiquesMapper.class,
                m -> m.ciblesQualite(territoire))) {
            r.put(IndicateurQualite.valueOf((String) l.get("indicateur")), (java.math.BigDecimal) l.get("cible"));
        }
        return r;
    }

    @Override
    public java.util.Optional<String> territoireDuGuichet(String guichet) {
        return java.util.Optional.ofNullable(store.executer("département du guichet " + guichet,
                StatistiquesMapper.class, m -> m.territoireDuGuichet(guichet)));
    }

    @Override
    public void definirCibleQualite(String territoire, IndicateurQualite indicateur, java.math.BigDecimal cible,
                                    org.registrehub.api.acces.EntreeAudit audit) {
        store.executer("cible de qualité", StatistiquesMapper.class, m -> {
            if (cible == null) {
                m.effacerCibleQualite(territoire, indicateur.name());
            } else {
                m.definirCibleQualite(territoire, indicateur.name(), cible, audit.acteur());
            }
            return m.auditer(audit);
        });
    }

    @Override
    public List<LigneMensuelle> serie(LocalDate debut, LocalDate fin, String departement) {
        return lire("séries mensuelles", m -> m.serie(debut, fin, departement));
    }

    @Override
    public List<LigneQualite> qualite(LocalDate jour) {
        return lire("indicateurs de qualité", m -> m.qualite(jour)).stream()
                .map(ligne -> {
                    Map<IndicateurQualite, Long> valeurs = new EnumMap<>(IndicateurQualite.class);
                    for (IndicateurQualite i : IndicateurQualite.values()) {
                        valeurs.put(i, ((Number) ligne.get(i.name().toLowerCase(Locale.ROOT))).longValue());
                    }
                    return new LigneQualite((String) ligne.get("guichet"),
                            ((Number) ligne.get("actives")).longValue(), valeurs);
                }).toList();
    }

    @Override
    public Map<String, java.util.Set<String>> departementsDesGroupes(Granularite granularite) {
        if (granularite != Granularite.REGION && granularite != Granularite.EPCI) {
            return Map.of();
        }
        Map<String, java.util.Set<String>> groupes = new java.util.HashMap<>();
        for (Map<String, Object> l : store.executer("territoires des groupes", StatistiquesMapper.class,
                m -> m.departementsDesGroupes(granularite))) {
            groupes.computeIfAbsent((String) l.get("groupe"), g -> new java.util.HashSet<>())
                    .add((String) l.get("departement"));
        }
        return groupes;
    }
}
