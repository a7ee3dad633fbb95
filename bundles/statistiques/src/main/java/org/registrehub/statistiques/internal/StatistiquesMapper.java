package org.registrehub.statistiques.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Param;
import org.registrehub.api.statistiques.spi.EffectifStatistique;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneSatisfaction;

/** MyBatis mapper of the statistics; the SQL lives in {@code StatistiquesMapper.xml}. */
public interface StatistiquesMapper {

    /** From the movements themselves (by commune or EPCI: the changes of commune count). */
    List<LigneFlux> flux(@Param("granularite") Granularite granularite, @Param("debut") LocalDate debut,
                         @Param("fin") LocalDate fin);

    /** From the daily rollup (département, région, guichet). */
    List<LigneFlux> fluxParJour(@Param("granularite") Granularite granularite, @Param("debut") LocalDate debut,
                                @Param("fin") LocalDate fin);

    long rafraichir();

    List<LigneMensuelle> serie(@Param("debut") LocalDate debut, @Param("fin") LocalDate fin,
                               @Param("departement") String departement);

    List<EffectifStatistique> repartition(@Param("dimension") Dimension dimension,
                                          @Param("granularite") Granularite granularite,
                                          @Param("jour") LocalDate jour,
                                          @Param("plafonds") Plafonds plafonds);

    List<LigneDelai> delais(@Param("jour") LocalDate jour, @Param("seuils") String seuils,
                            @Param("defaut") int defaut);

    List<LigneSatisfaction> satisfaction(@Param("granularite") Granularite granularite,
                                         @Param("debut") LocalDate debut, @Param("fin") LocalDate fin);

    List<Map<String, Object>> qualite(@Param("jour") LocalDate jour);

    /** For the rest of the transaction: no JIT compilation of the queries (see the mapper). */
    void sansCompilationJit();

    int effacerQualite(@Param("mois") LocalDate mois);

    int photographierQualite(@Param("mois") LocalDate mois, @Param("guichet") String guichet,
                             @Param("actives") long actives, @Param("valeurs") String valeurs);

    List<Map<String, Object>> qualiteMensuelle(@Param("debut") LocalDate debut, @Param("fin") LocalDate fin);

    List<Map<String, Object>> ciblesQualite(@Param("territoire") String territoire);

    String territoireDuGuichet(@Param("guichet") String guichet);

    int definirCibleQualite(@Param("territoire") String territoire, @Param("indicateur") String indicateur,
                            @Param("cible") java.math.BigDecimal cible, @Param("acteur") String acteur);

    int effacerCibleQualite(@Param("territoire") String territoire, @Param("indicateur") String indicateur);

    /** Rows {@code groupe, departement}: a région's départements, or the départements of an EPCI's communes. */
    List<Map<String, Object>> departementsDesGroupes(@Param("granularite") Granularite granularite);

    List<EffectifStatistique> attributions(@Param("dimension") org.registrehub.api.statistiques.DimensionAttribution d,
                                           @Param("granularite") Granularite granularite,
                                           @Param("debut") LocalDate debut, @Param("fin") LocalDate fin,
                                           @Param("plafonds") Plafonds plafonds);

    List<org.registrehub.api.statistiques.LigneAccord> accords(@Param("annee") int annee);

    int definirAccord(@Param("a") org.registrehub.api.statistiques.LigneAccord accord, @Param("acteur") String acteur);

    int auditer(@Param("a") org.registrehub.api.acces.EntreeAudit entree);

    /** The attributions of the period by group and modality, for every dimension at once. */
    List<EffectifParDimension> attributionsParDimension(@Param("granularite") Granularite granularite,
                                                        @Param("debut") LocalDate debut, @Param("fin") LocalDate fin,
                                                        @Param("plafonds") Plafonds plafonds);

    /** The pending demands by group and by age, income band and seniority at once (one scan). */
    List<EffectifParDimension> repartitionsDuJour(@Param("granularite") Granularite granularite,
                                                  @Param("jour") LocalDate jour,
                                                  @Param("plafonds") Plafonds plafonds);

    /** A count of {@link #attributionsParDimension}: its dimension's name, group, modality. */
    record EffectifParDimension(String dimension, String code, String modalite, long n) {
    }

    /** The PLUS ceilings as the queries read them ({@code plafondPlus}): the two scales as texts, their supplements. */
    record Plafonds(String idf, long supplementIdf, String autres, long supplementAutres) {

        static Plafonds de(org.registrehub.api.statistiques.PlafondsRessources p) {
            return new Plafonds(texte(p.ileDeFrance()), p.supplementIleDeFrance(), texte(p.autresRegions()),
                    p.supplementAutresRegions());
        }

        private static String texte(List<Long> valeurs) {
            return valeurs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        }
    }
}
