package org.registrehub.statistiques.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.Secret;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TableauSatisfaction;

/**
 * The secret statistique of one table: every count from 1 to {@code seuil - 1} is masked (primary secret). Where the
 * cells of a line are bound by a sum the reader knows (the stock identity of the flows; a breakdown whose total is the
 * stock; a monthly series whose months add up to the period's flows), the line gets at least two masked cells adding
 * up to the threshold, the smallest non-zero first (secondary secret), so that no subtraction gives one back. A sum over masked
 * cells (a line's radiations or total, a column's total, a share, an average) is masked too. The masked cells are
 * written 0 in the records and named in the table's {@link Secret}: a renderer that forgot the secret would show 0,
 * never the value. Zeros are not secret. One instance per table.
 */
final class SecretStatistique {

    static final String TOTAL = "TOTAL";
    private static final List<String> FLUX = List.of("stockDebut", "nouvelles", "reprises", "reactivees", "abandon",
            "attribution", "irrecevabilite", "nonRenouvellement", "nonReponse", "transfertsEntrants", "transfertsSortants",
            "stockFin");
    private static final List<String> MOTIFS = List.of("abandon", "attribution", "irrecevabilite",
            "nonRenouvellement", "nonReponse");
    private static final List<String> MENSUELS = List.of("nouvelles", "reprises", "renouvellements",
            "radiations", "attributions", "reactivees");

    private final int seuil;
    private final Set<String> cellules = new HashSet<>();

    private SecretStatistique(int seuil) {
        if (seuil < 2) {
            throw new IllegalArgumentException("seuil du secret statistique : au moins 2 (lu " + seuil + ")");
        }
        this.seuil = seuil;
    }

    static TableauFlux flux(TableauFlux t, int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        List<String> codes = new ArrayList<>();
        for (LigneFlux l : t.lignes()) {
            s.ligneLiee(l.code(), valeurs(l));
            s.derive(l.code(), "radiations", MOTIFS);
            codes.add(l.code());
        }
        s.totaux(codes, FLUX);
        s.derive(TOTAL, "radiations", MOTIFS);
        List<LigneFlux> lignes = t.lignes().stream().map(l -> {
            Map<String, Long> v = s.visibles(l.code(), valeurs(l));
            return new LigneFlux(l.code(), v.get("stockDebut"), v.get("nouvelles"), v.get("reprises"),
                    v.get("reactivees"), v.get("abandon"), v.get("attribution"), v.get("irrecevabilite"), v.get("nonRenouvellement"),
                    v.get("nonReponse"), v.get("transfertsEntrants"), v.get("transfertsSortants"), v.get("stockFin"));
        }).toList();
        return new TableauFlux(t.debut(), t.fin(), t.granularite(), lignes, s.secret());
    }

    private static Map<String, Long> valeurs(LigneFlux l) {
        List<Long> n = List.of(l.stockDebut(), l.nouvelles(), l.reprises(), l.reactivees(), l.abandon(), l.attribution(),
                l.irrecevabilite(), l.nonRenouvellement(), l.nonReponse(), l.transfertsEntrants(),
                l.transfertsSortants(), l.stockFin());
        Map<String, Long> v = new LinkedHashMap<>();
        for (int i = 0; i < FLUX.size(); i++) {
            v.put(FLUX.get(i), n.get(i));
        }
        return v;
    }

    static Repartition repartition(Repartition r, int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        List<LigneRepartition> lignes = s.repartition(r.lignes(), r.dimension().modalites());
        return new Repartition(r.dimension(), r.jour(), r.granularite(), lignes, s.secret());
    }

    /** The satisfied demands: masked as a breakdown (each line adds up to its total). */
    static org.registrehub.api.statistiques.TableauAttributions attributions(
            org.registrehub.api.statistiques.TableauAttributions t, int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        List<LigneRepartition> lignes = s.repartition(t.lignes(), t.modalites());
        return new org.registrehub.api.statistiques.TableauAttributions(t.dimension(), t.debut(), t.fin(),
                t.granularite(), t.modalites(), lignes, s.secret());
    }

    private List<LigneRepartition> repartition(List<LigneRepartition> lignes, List<String> modalites) {
        List<String> codes = new ArrayList<>();
        for (LigneRepartition l : lignes) {
            ligneLiee(l.code(), l.effectifs());
            derive(l.code(), "total", modalites);
            codes.add(l.code());
        }
        totaux(codes, modalites);
        derive(TOTAL, "total", modalites);
        return lignes.stream().map(l -> new LigneRepartition(l.code(), visibles(l.code(), l.effectifs()))).toList();
    }

    /** The pressure: a commune's small counts masked with its ratio (which would give them back). */
    static org.registrehub.api.statistiques.TableauPression pression(org.registrehub.api.statistiques.TableauPression t,
                                                                    int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        List<String> champs = List.of("enAttente", "attributions");
        List<String> codes = new ArrayList<>();
        for (org.registrehub.api.statistiques.LignePression l : t.lignes()) {
            s.primaire(l.commune(), Map.of("enAttente", l.enAttente(), "attributions", l.attributions()));
            s.derive(l.commune(), "pression", champs);
            codes.add(l.commune());
        }
        s.totaux(codes, champs);
        s.derive(TOTAL, "pression", champs);
        List<org.registrehub.api.statistiques.LignePression> lignes = t.lignes().stream()
                .map(l -> new org.registrehub.api.statistiques.LignePression(l.commune(),
                        s.masque(l.commune(), "enAttente") ? 0 : l.enAttente(),
                        s.masque(l.commune(), "attributions") ? 0 : l.attributions())).toList();
        return new org.registrehub.api.statistiques.TableauPression(t.debut(), t.fin(), lignes, s.secret());
    }

    static TableauDelais delais(TableauDelais t, int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        List<String> champs = List.of("enAttente", "auDela");
        for (LigneDelai l : t.lignes()) {
            String code = l.departement() + ":" + l.typologie();
            s.primaire(code, Map.of("enAttente", l.enAttente(), "auDela", l.auDela()));
            s.derive(code, "part", champs);
            // the département's line and the total add the typologies up
            for (String c : champs) {
                if (s.masque(code, c)) {
                    s.masquer(l.departement(), c);
                    s.masquer(TOTAL, c);
                }
            }
        }
        t.lignes().stream().map(LigneDelai::departement).distinct().forEach(d -> s.derive(d, "part", champs));
        s.derive(TOTAL, "part", champs);
        List<LigneDelai> lignes = t.lignes().stream().map(l -> {
            String code = l.departement() + ":" + l.typologie();
            return new LigneDelai(l.departement(), l.typologie(), l.seuilMois(),
                    s.masque(code, "enAttente") ? 0 : l.enAttente(), s.masque(code, "auDela") ? 0 : l.auDela());
        }).toList();
        return new TableauDelais(t.jour(), lignes, s.secret());
    }

    static TableauSatisfaction satisfaction(TableauSatisfaction t, int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        List<String> tout = List.of("attributions", "joursCumules", "satisfaitesEnUnAn", "delaiMoyenMois",
                "partEnUnAn");
        List<String> codes = new ArrayList<>();
        for (LigneSatisfaction l : t.lignes()) {
            codes.add(l.code());
            if (s.petit(l.attributions())) {
                // a few attributions: their average délai would tell each applicant's
                tout.forEach(c -> s.masquer(l.code(), c));
            } else if (s.petit(l.satisfaitesEnUnAn()) || s.petit(l.attributions() - l.satisfaitesEnUnAn())) {
                s.masquer(l.code(), "satisfaitesEnUnAn");
                s.masquer(l.code(), "partEnUnAn");
            }
        }
        s.totaux(codes, tout);
        s.derive(TOTAL, "delaiMoyenMois", List.of("attributions", "joursCumules"));
        s.derive(TOTAL, "partEnUnAn", List.of("attributions", "satisfaitesEnUnAn"));
        List<LigneSatisfaction> lignes = t.lignes().stream().map(l -> new LigneSatisfaction(l.code(),
                s.masque(l.code(), "attributions") ? 0 : l.attributions(),
                s.masque(l.code(), "joursCumules") ? 0 : l.joursCumules(),
                s.masque(l.code(), "satisfaitesEnUnAn") ? 0 : l.satisfaitesEnUnAn())).toList();
        return new TableauSatisfaction(t.debut(), t.fin(), t.granularite(), lignes, s.secret());
    }

    static SerieMensuelle serie(SerieMensuelle serie, int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        // the months of a column add up to the flows of the period (the flux table): each column is a bound line
        for (String champ : MENSUELS) {
            Map<String, Long> colonne = new LinkedHashMap<>();
            for (LigneMensuelle m : serie.mois()) {
                colonne.put(m.mois().toString(), valeurs(m).get(champ));
            }
            SecretStatistique c = new SecretStatistique(seuil);
            c.ligneLiee(champ, colonne);
            colonne.keySet().stream().filter(mois -> c.masque(champ, mois)).forEach(mois -> s.masquer(mois, champ));
        }
        List<LigneMensuelle> mois = serie.mois().stream().map(m -> {
            Map<String, Long> v = s.visibles(m.mois().toString(), valeurs(m));
            return new LigneMensuelle(m.mois(), v.get("nouvelles"), v.get("reprises"), v.get("renouvellements"), v.get("radiations"),
                    v.get("attributions"), v.get("reactivees"));
        }).toList();
        return new SerieMensuelle(serie.debut(), serie.fin(), serie.departement(), mois, s.secret());
    }

    private static Map<String, Long> valeurs(LigneMensuelle m) {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("nouvelles", m.nouvelles());
        v.put("reprises", m.reprises());
        v.put("renouvellements", m.renouvellements());
        v.put("radiations", m.radiations());
        v.put("attributions", m.attributions());
        v.put("reactivees", m.reactivees());
        return v;
    }

    static TableauQualite qualite(TableauQualite t, int seuil) {
        SecretStatistique s = new SecretStatistique(seuil);
        List<String> champs = new ArrayList<>(List.of("actives"));
        for (IndicateurQualite i : IndicateurQualite.values()) {
            champs.add(i.name());
        }
        List<String> codes = new ArrayList<>();
        for (LigneQualite l : t.lignes()) {
            codes.add(l.guichet());
            s.primaire(l.guichet(), valeurs(l));
        }
        s.totaux(codes, champs);
        List<LigneQualite> lignes = t.lignes().stream().map(l -> {
            Map<String, Long> v = s.visibles(l.guichet(), valeurs(l));
            Map<IndicateurQualite, Long> indicateurs = new EnumMap<>(IndicateurQualite.class);
            for (IndicateurQualite i : IndicateurQualite.values()) {
                indicateurs.put(i, v.get(i.name()));
            }
            return new LigneQualite(l.guichet(), v.get("actives"), indicateurs);
        }).toList();
        return new TableauQualite(t.jour(), lignes, s.secret());
    }

    private static Map<String, Long> valeurs(LigneQualite l) {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("actives", l.actives());
        for (IndicateurQualite i : IndicateurQualite.values()) {
            v.put(i.name(), l.valeur(i));
        }
        return v;
    }

    private boolean petit(long n) {
        return n > 0 && n < seuil;
    }

    private void masquer(String code, String champ) {
        cellules.add(Secret.cle(code, champ));
    }

    private boolean masque(String code, String champ) {
        return cellules.contains(Secret.cle(code, champ));
    }

    /** The primary secret alone: cells with no sum known to the reader. */
    private void primaire(String code, Map<String, Long> valeurs) {
        valeurs.forEach((champ, n) -> {
            if (petit(n)) {
                masquer(code, champ);
            }
        });
    }

    /**
     * The primary secret, then the smallest other cells until at least two are masked and they add up to the
     * threshold: the line's known sum then leaves every masked cell undetermined.
     */
    private void ligneLiee(String code, Map<String, Long> valeurs) {
        List<String> masques = new ArrayList<>();
        valeurs.forEach((champ, n) -> {
            if (petit(n)) {
                masques.add(champ);
            }
        });
        if (masques.isEmpty()) {
            return;
        }
        long somme = masques.stream().mapToLong(valeurs::get).sum();
        while (masques.size() < 2 || somme < seuil) {
            // the smallest non-zero cell (a zero adds nothing to the sum), a zero when no other is left
            String suivant = null;
            for (Map.Entry<String, Long> e : valeurs.entrySet()) {
                if (!masques.contains(e.getKey()) && (suivant == null || plusPetit(e.getValue(),
                        valeurs.get(suivant)))) {
                    suivant = e.getKey();
                }
            }
            if (suivant == null) {
                break;
            }
            masques.add(suivant);
            somme += valeurs.get(suivant);
        }
        masques.forEach(champ -> masquer(code, champ));
    }

    private static boolean plusPetit(long a, long b) {
        return b == 0 ? a != 0 : a != 0 && a < b;
    }

    /** A cell that adds masked ones up is masked. */
    private void derive(String code, String champ, Collection<String> parties) {
        if (parties.stream().anyMatch(p -> masque(code, p))) {
            masquer(code, champ);
        }
    }

    /** The total line's cell of a column with a masked cell is masked (the sum of the shown cells is not it). */
    private void totaux(Collection<String> codes, Collection<String> champs) {
        for (String champ : champs) {
            if (codes.stream().anyMatch(code -> masque(code, champ))) {
                masquer(TOTAL, champ);
            }
        }
    }

    /** The line's values, masked cells at 0. */
    private Map<String, Long> visibles(String code, Map<String, Long> valeurs) {
        Map<String, Long> v = new LinkedHashMap<>();
        valeurs.forEach((champ, n) -> v.put(champ, masque(code, champ) ? 0L : n));
        return v;
    }

    private Secret secret() {
        return new Secret(seuil, cellules);
    }
}
