package org.registrehub.statistiques.internal;

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
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.Secret;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TableauSatisfaction;

/**
 * The service's results as writable tables, French headers, a total row last. A cell under the secret statistique is
 * written {@link Secret#LIBELLE}; charts leave it out.
 */
final class Tableaux {

    private Tableaux() {
    }

    static Tableau flux(TableauFlux t) {
        List<String> colonnes = List.of(libelle(t.granularite().name()), "Stock début", "Nouvelles", "Reprises (import)",
                "Réactivées",
                "Radiées", "Abandon", "Attribution", "Irrecevabilité", "Non-renouvellement", "Non-réponse",
                "Transferts entrants", "Transferts sortants", "Stock fin");
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneFlux l : t.lignes()) {
            lignes.add(flux(l, t.secret()));
        }
        List<List<Object>> graphe = List.copyOf(lignes);
        lignes.add(flux(t.total(), t.secret()));
        return new Tableau("flux-" + t.granularite().name().toLowerCase(Locale.ROOT), "Stock et flux du "
                + t.debut() + " au " + t.fin() + " par " + libelle(t.granularite().name()).toLowerCase(Locale.ROOT),
                colonnes, lignes, Tableau.Graphe.colonnes(colonnes, graphe, false, 1, 2, 3, 5, 13));
    }

    private static List<Object> flux(LigneFlux l, Secret s) {
        String c = l.code();
        return List.of(c, s.affiche(c, "stockDebut", l.stockDebut()), s.affiche(c, "nouvelles", l.nouvelles()),
                s.affiche(c, "reprises", l.reprises()), s.affiche(c, "reactivees", l.reactivees()), s.affiche(c, "radiations", l.radiations()),
                s.affiche(c, "abandon", l.abandon()), s.affiche(c, "attribution", l.attribution()),
                s.affiche(c, "irrecevabilite", l.irrecevabilite()),
                s.affiche(c, "nonRenouvellement", l.nonRenouvellement()), s.affiche(c, "nonReponse", l.nonReponse()),
                s.affiche(c, "transfertsEntrants", l.transfertsEntrants()),
                s.affiche(c, "transfertsSortants", l.transfertsSortants()), s.affiche(c, "stockFin", l.stockFin()));
    }

    static Tableau repartition(Repartition r) {
        Dimension d = r.dimension();
        return effectifs("repartition-" + d.name().toLowerCase(Locale.ROOT), d.libelle() + " des demandes en attente au "
                + r.jour(), d.libelle(), r.granularite(), d.modalites(), r.lignes(), r.total(), r.secret());
    }

    /**
     * A breakdown by group: a column per modality and the total, a line per group and the total; the chart gives the
     * shares of the total, one bar per modality (none when the total is secret).
     */
    private static Tableau effectifs(String id, String titre, String libelle, Granularite granularite,
                                     List<String> modalites, List<LigneRepartition> groupes, LigneRepartition total,
                                     Secret s) {
        List<String> colonnes = new ArrayList<>();
        colonnes.add(libelle(granularite.name()));
        colonnes.addAll(modalites);
        colonnes.add("Total");
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneRepartition l : groupes) {
            lignes.add(effectifs(modalites, l, s));
        }
        lignes.add(effectifs(modalites, total, s));
        List<List<Object>> graphe = new ArrayList<>();
        if (!s.masque("TOTAL", "total")) {
            for (String m : modalites) {
                graphe.add(List.of(m, arrondi(total.part(m))));
            }
        }
        return new Tableau(id, titre, colonnes, lignes, new Tableau.Graphe(libelle, List.of("Part (%)"), graphe, false));
    }

    private static List<Object> effectifs(List<String> modalites, LigneRepartition l, Secret s) {
        List<Object> ligne = new ArrayList<>();
        ligne.add(l.code());
        modalites.forEach(m -> ligne.add(s.affiche(l.code(), m, l.effectif(m))));
        ligne.add(s.affiche(l.code(), "total", l.total()));
        return ligne;
    }

    static Tableau delais(TableauDelais t) {
        List<List<Object>> lignes = new ArrayList<>();
        Secret s = t.secret();
        for (LigneDelai l : t.lignes()) {
            String c = l.departement() + ":" + l.typologie();
            lignes.add(List.of(l.departement(), l.typologie(), l.seuilMois(), s.affiche(c, "enAttente", l.enAttente()),
                    s.affiche(c, "auDela", l.auDela()), s.affiche(c, "part", arrondi(l.part()))));
        }
        List<List<Object>> graphe = new ArrayList<>();
        for (LigneDelai l : t.parDepartement()) {
            String c = l.departement();
            graphe.add(List.of(c, s.affiche(c, "enAttente", l.enAttente()), s.affiche(c, "auDela", l.auDela())));
        }
        LigneDelai total = t.total();
        lignes.add(List.of("TOTAL", "", "", s.affiche("TOTAL", "enAttente", total.enAttente()),
                s.affiche("TOTAL", "auDela", total.auDela()), s.affiche("TOTAL", "part", arrondi(total.part()))));
        return new Tableau("delais", "Demandes au-delà du délai anormalement long au " + t.jour(),
                List.of("Département", "Typologie", "Seuil (mois)", "En attente", "Au-delà du délai", "Part (%)"),
                lignes, new Tableau.Graphe("Département", List.of("En attente", "Au-delà du délai"), graphe, false));
    }

    static Tableau satisfaction(TableauSatisfaction t) {
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneSatisfaction l : t.lignes()) {
            lignes.add(satisfaction(l, t.secret()));
        }
        List<List<Object>> graphe = List.copyOf(lignes);
        lignes.add(satisfaction(t.total(), t.secret()));
        return new Tableau("satisfaction-" + t.granularite().name().toLowerCase(Locale.ROOT),
                "Délai de satisfaction des attributions du " + t.debut() + " au " + t.fin(),
                List.of(libelle(t.granularite().name()), "Attributions", "Délai moyen (mois)",
                        "Satisfaites en moins d'un an", "Part en moins d'un an (%)"), lignes,
                new Tableau.Graphe(libelle(t.granularite().name()), List.of("Délai moyen (mois)"),
                        graphe.stream().map(l -> List.of(l.get(0), l.get(2))).toList(), false));
    }

    private static List<Object> satisfaction(LigneSatisfaction l, Secret s) {
        String c = l.code();
        return List.of(c, s.affiche(c, "attributions", l.attributions()), s.affiche(c, "delaiMoyenMois",
                arrondi(l.delaiMoyenMois())), s.affiche(c, "satisfaitesEnUnAn", l.satisfaitesEnUnAn()),
                s.affiche(c, "partEnUnAn", arrondi(l.partEnUnAn())));
    }

    static Tableau serie(SerieMensuelle s) {
        List<List<Object>> lignes = new ArrayList<>();
        Secret x = s.secret();
        for (LigneMensuelle m : s.mois()) {
            String c = m.mois().toString();
            lignes.add(List.of(c, x.affiche(c, "nouvelles", m.nouvelles()), x.affiche(c, "reprises", m.reprises()),
                    x.affiche(c, "renouvellements",
                    m.renouvellements()), x.affiche(c, "radiations", m.radiations()), x.affiche(c, "attributions",
                    m.attributions()), x.affiche(c, "reactivees", m.reactivees())));
        }
        return new Tableau("series" + (s.departement() == null ? "" : "-" + s.departement()),
                "Flux mensuels du " + s.debut() + " au " + s.fin()
                        + (s.departement() == null ? "" : " (département " + s.departement() + ")"),
                List.of("Mois", "Nouvelles", "Reprises (import)", "Renouvellements", "Radiations", "Attributions",
                        "Réactivations"),
                lignes, Tableau.Graphe.colonnes(List.of("Mois", "Nouvelles", "Reprises (import)", "Renouvellements",
                        "Radiations", "Attributions"), lignes, true, 1, 2, 3, 4, 5));
    }

    static Tableau attributions(org.registrehub.api.statistiques.TableauAttributions t) {
        return effectifs("attributions-" + t.dimension().name().toLowerCase(Locale.ROOT), "Demandes satisfaites du "
                + t.debut() + " au " + t.fin() + " : " + t.dimension().libelle().toLowerCase(Locale.ROOT),
                t.dimension().libelle(), t.granularite(), t.modalites(), t.lignes(), t.total(), t.secret());
    }

    static Tableau pression(org.registrehub.api.statistiques.TableauPression t) {
        Secret s = t.secret();
        List<List<Object>> lignes = new ArrayList<>();
        for (org.registrehub.api.statistiques.LignePression l : t.lignes()) {
            lignes.add(pression(l, s));
        }
        List<List<Object>> graphe = lignes.stream().limit(20).map(l -> List.of(l.get(0), l.get(3))).toList();
        lignes.add(pression(t.total(), s));
        return new Tableau("pression", "Pression de la demande par commune du " + t.debut() + " au " + t.fin()
                + " (demandes en attente pour une attribution)", List.of("Commune", "Demandes en attente",
                "Attributions", "Pression"), lignes, new Tableau.Graphe("Commune", List.of("Pression"),
                graphe.stream().filter(l -> l.get(1) instanceof Number).toList(), false));
    }

    private static List<Object> pression(org.registrehub.api.statistiques.LignePression l, Secret s) {
        String c = l.commune();
        Double p = l.pression();
        return List.of(c, s.affiche(c, "enAttente", l.enAttente()), s.affiche(c, "attributions", l.attributions()),
                s.masque(c, "pression") ? "secret" : p == null ? "-" : (Object) p);
    }

    static Tableau accords(int annee, List<org.registrehub.api.statistiques.LigneAccord> accords) {
        List<List<Object>> lignes = new ArrayList<>();
        for (org.registrehub.api.statistiques.LigneAccord a : accords) {
            lignes.add(List.of(a.territoire(), a.bailleur(), a.objectif(), a.realise(), a.taux() == null ? "-"
                    : (Object) a.taux()));
        }
        return new Tableau("accords", "Accords collectifs " + annee + " : ménages prioritaires logés par bailleur",
                List.of("Département", "Bailleur", "Objectif", "Réalisé", "Taux (%)"), lignes,
                new Tableau.Graphe("Bailleur", List.of("Objectif", "Réalisé"), accords.stream()
                        .map(a -> List.<Object>of(a.territoire() + " " + a.bailleur(), a.objectif(), a.realise()))
                        .toList(), false));
    }

    static Tableau qualite(TableauQualite t) {
        List<String> colonnes = new ArrayList<>(List.of("Guichet", "Demandes actives"));
        for (IndicateurQualite i : IndicateurQualite.values()) {
            colonnes.add(i.libelle());
        }
        List<List<Object>> lignes = new ArrayList<>();
        for (LigneQualite l : t.lignes()) {
            lignes.add(qualite(l, t.secret()));
        }
        LigneQualite total = t.total();
        lignes.add(qualite(total, t.secret()));
        List<List<Object>> graphe = new ArrayList<>();
        for (IndicateurQualite i : IndicateurQualite.values()) {
            graphe.add(List.of(i.libelle(), t.secret().masque("TOTAL", "actives") ? Secret.LIBELLE
                    : t.secret().affiche("TOTAL", i.name(), arrondi(total.part(i)))));
        }
        return new Tableau("qualite", "Qualité des données des demandes en attente au " + t.jour()
                + " (nombre de demandes concernées)", colonnes, lignes,
                new Tableau.Graphe("Indicateur", List.of("Part des demandes actives (%)"), graphe, false));
    }

    private static List<Object> qualite(LigneQualite l, Secret s) {
        List<Object> ligne = new ArrayList<>(List.of(l.guichet(), s.affiche(l.guichet(), "actives", l.actives())));
        for (IndicateurQualite i : IndicateurQualite.values()) {
            ligne.add(s.affiche(l.guichet(), i.name(), l.valeur(i)));
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
