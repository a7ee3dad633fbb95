package org.registrehub.statistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TableauSatisfaction;

/** The service's results as writable tables, French headers, a total row last. */
final class Tableaux {

    private Tableaux() {
    }

    static Tableau flux(TableauFlux t) {
        List<String> colonnes = List.of(libelle(t.granularite().name()), "Stock début", "Nouvelles", "Réactivées",
                "Radiées", "Abandon", "Attribution", "Irrecevabilité", "Non-renouvellement", "Non-réponse",
                "Transferts entrants", "Transferts sortants", "Stock fin");
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneFlux l : t.lignes()) {
            lignes.add(flux(l));
        }
        List<List<Object>> graphe = List.copyOf(lignes);
        lignes.add(flux(t.total()));
        return new Tableau("flux-" + t.granularite().name().toLowerCase(Locale.ROOT), "Stock et flux du "
                + t.debut() + " au " + t.fin() + " par " + libelle(t.granularite().name()).toLowerCase(Locale.ROOT),
                colonnes, lignes, Tableau.Graphe.colonnes(colonnes, graphe, false, 1, 2, 4, 12));
    }

    private static List<Object> flux(LigneFlux l) {
        return List.of(l.code(), l.stockDebut(), l.nouvelles(), l.reactivees(), l.radiations(), l.abandon(),
                l.attribution(), l.irrecevabilite(), l.nonRenouvellement(), l.nonReponse(), l.transfertsEntrants(),
                l.transfertsSortants(), l.stockFin());
    }

    static Tableau repartition(Repartition r) {
        Dimension d = r.dimension();
        List<String> colonnes = new ArrayList<>();
        colonnes.add(libelle(r.granularite().name()));
        d.modalites().forEach(m -> colonnes.add(m));
        colonnes.add("Total");
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneRepartition l : r.lignes()) {
            lignes.add(repartition(d, l));
        }
        LigneRepartition total = r.total();
        lignes.add(repartition(d, total));
        // the chart: the shares of the total, one bar per modality
        List<List<Object>> graphe = new ArrayList<>();
        for (String m : d.modalites()) {
            graphe.add(List.of(m, arrondi(total.part(m))));
        }
        return new Tableau("repartition-" + d.name().toLowerCase(Locale.ROOT), d.libelle()
                + " des demandes en attente au " + r.jour(), colonnes, lignes,
                new Tableau.Graphe(d.libelle(), List.of("Part (%)"), graphe, false));
    }

    private static List<Object> repartition(Dimension d, LigneRepartition l) {
        List<Object> ligne = new ArrayList<>();
        ligne.add(l.code());
        d.modalites().forEach(m -> ligne.add(l.effectif(m)));
        ligne.add(l.total());
        return ligne;
    }

    static Tableau delais(TableauDelais t) {
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneDelai l : t.lignes()) {
            lignes.add(List.of(l.departement(), l.typologie(), l.seuilMois(), l.enAttente(), l.auDela(),
                    arrondi(l.part())));
        }
        List<List<Object>> graphe = new ArrayList<>();
        for (LigneDelai l : t.parDepartement()) {
            graphe.add(List.of(l.departement(), l.enAttente(), l.auDela()));
        }
        LigneDelai total = t.total();
        lignes.add(List.of("TOTAL", "", "", total.enAttente(), total.auDela(), arrondi(total.part())));
        return new Tableau("delais", "Demandes au-delà du délai anormalement long au " + t.jour(),
                List.of("Département", "Typologie", "Seuil (mois)", "En attente", "Au-delà du délai", "Part (%)"),
                lignes, new Tableau.Graphe("Département", List.of("En attente", "Au-delà du délai"), graphe, false));
    }

    static Tableau satisfaction(TableauSatisfaction t) {
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneSatisfaction l : t.lignes()) {
            lignes.add(satisfaction(l));
        }
        List<List<Object>> graphe = List.copyOf(lignes);
        lignes.add(satisfaction(t.total()));
        return new Tableau("satisfaction-" + t.granularite().name().toLowerCase(Locale.ROOT),
                "Délai de satisfaction des attributions du " + t.debut() + " au " + t.fin(),
                List.of(libelle(t.granularite().name()), "Attributions", "Délai moyen (mois)",
                        "Satisfaites en moins d'un an", "Part en moins d'un an (%)"), lignes,
                new Tableau.Graphe(libelle(t.granularite().name()), List.of("Délai moyen (mois)"),
                        graphe.stream().map(l -> List.of(l.get(0), l.get(2))).toList(), false));
    }

    private static List<Object> satisfaction(LigneSatisfaction l) {
        return List.of(l.code(), l.attributions(), arrondi(l.delaiMoyenMois()), l.satisfaitesEnUnAn(),
                arrondi(l.partEnUnAn()));
    }

    static Tableau serie(SerieMensuelle s) {
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneMensuelle m : s.mois()) {
            lignes.add(List.of(m.mois().toString(), m.nouvelles(), m.renouvellements(), m.radiations(),
                    m.attributions(), m.reactivees()));
        }
        return new Tableau("series" + (s.departement() == null ? "" : "-" + s.departement()),
                "Flux mensuels du " + s.debut() + " au " + s.fin()
                        + (s.departement() == null ? "" : " (département " + s.departement() + ")"),
                List.of("Mois", "Nouvelles", "Renouvellements", "Radiations", "Attributions", "Réactivations"),
                lignes, Tableau.Graphe.colonnes(List.of("Mois", "Nouvelles", "Renouvellements", "Radiations",
                        "Attributions"), lignes, true, 1, 2, 3, 4));
    }

    static Tableau qualite(TableauQualite t) {
        List<String> colonnes = new ArrayList<>(List.of("Guichet", "Demandes actives"));
        for (IndicateurQualite i : IndicateurQualite.values()) {
            colonnes.add(i.libelle());
        }
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneQualite l : t.lignes()) {
            lignes.add(qualite(l));
        }
        LigneQualite total = t.total();
        lignes.add(qualite(total));
        List<List<Object>> graphe = new ArrayList<>();
        for (IndicateurQualite i : IndicateurQualite.values()) {
            graphe.add(List.of(i.libelle(), arrondi(total.part(i))));
        }
        return new Tableau("qualite", "Qualité des données des demandes en attente au " + t.jour()
                + " (nombre de demandes concernées)", colonnes, lignes,
                new Tableau.Graphe("Indicateur", List.of("Part des demandes actives (%)"), graphe, false));
    }

    private static List<Object> qualite(LigneQualite l) {
        List<Object> ligne = new ArrayList<>(List.of(l.guichet(), l.actives()));
        for (IndicateurQualite i : IndicateurQualite.values()) {
            ligne.add(l.valeur(i));
        }
        return ligne;
    }

    static String libelle(String granularite) {
        return switch (granularite) {
            case "REGION" -> "Région";
            case "DEPARTEMENT" -> "Département";
            case "EPCI" -> "EPCI";
            case "COMMUNE" -> "Commune";
            default -> "Guichet";
        };
    }

    static double arrondi(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
