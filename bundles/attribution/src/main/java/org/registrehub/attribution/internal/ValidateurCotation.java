package org.registrehub.attribution.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.registrehub.api.ErreurChamp;
import org.registrehub.api.Motif;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.attribution.CritereCotation;
import org.registrehub.api.attribution.TypeCritereCotation;

/** The rules of a cotation grid, every problem reported at once, by criterion. */
final class ValidateurCotation {

    static final int CRITERES_MAX = 50;
    static final int POINTS_MAX = 1000;
    static final Set<String> PRIORITES = Set.of("HANDICAP", "SANS_LOGEMENT", "HEBERGE", "VIOLENCES",
            "LOGEMENT_INDIGNE");
    static final String TERRITOIRE = "^([0-9]{2}[0-9AB]|[0-9]{9})$";

    private ValidateurCotation() {
    }

    static List<ErreurChamp> valider(String territoire, List<CritereCotation> criteres) {
        List<ErreurChamp> e = new ArrayList<>();
        if (territoire == null || !territoire.matches(TERRITOIRE)) {
            e.add(new ErreurChamp("territoire", "format", territoire, "département (3 caractères : 044, 02A) ou EPCI"
                    + " (SIREN, 9 chiffres)"));
        }
        if (criteres == null || criteres.isEmpty() || criteres.size() > CRITERES_MAX) {
            e.add(new ErreurChamp("criteres", "taille", criteres == null ? null : String.valueOf(criteres.size()),
                    "de 1 à " + CRITERES_MAX + " critères"));
            return e;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < criteres.size(); i++) {
            String p = "criteres[" + i + "].";
            CritereCotation c = criteres.get(i);
            if (c == null) {
                e.add(new ErreurChamp("criteres[" + i + "]", "obligatoire", null, "critère absent"));
                continue;
            }
            if (ValidateurLogement.manque(e, p + "code", c.code())) {
                // reported
            } else if (!c.code().matches("^[A-Z0-9_]{1,30}$")) {
                e.add(new ErreurChamp(p + "code", "format", c.code(), "1 à 30 majuscules, chiffres ou _"));
            } else if (!codes.add(c.code())) {
                e.add(new ErreurChamp(p + "code", "unicite", c.code(), "ce code figure déjà dans la grille"));
            }
            if (!ValidateurLogement.manque(e, p + "libelle", c.libelle()) && c.libelle().strip().length() > 200) {
                e.add(new ErreurChamp(p + "libelle", "longueur", null, "200 caractères au plus"));
            }
            if (!ValidateurLogement.manque(e, p + "points", c.points()) && Math.abs(c.points()) > POINTS_MAX) {
                e.add(new ErreurChamp(p + "points", "intervalle", String.valueOf(c.points()), "de -" + POINTS_MAX
                        + " à " + POINTS_MAX));
            }
            if (ValidateurLogement.manque(e, p + "type", c.type())) {
                continue;
            }
            TypeCritereCotation t = c.type();
            if (t.avecValeur()) {
                if (!ValidateurLogement.manque(e, p + "valeur", c.valeur()) && !valeurPermise(t, c.valeur())) {
                    e.add(new ErreurChamp(p + "valeur", "valeur-autorisee", c.valeur(), "valeurs permises pour "
                            + t + " : " + permises(t)));
                }
            } else if (c.valeur() != null) {
                e.add(new ErreurChamp(p + "valeur", "coherence", c.valeur(), t + " ne prend pas de valeur"));
            }
            if (c.plafond() != null && (!t.parUnite() || c.plafond() < 0 || c.plafond() > POINTS_MAX)) {
                e.add(new ErreurChamp(p + "plafond", "coherence", String.valueOf(c.plafond()), t.parUnite()
                        ? "plafond de 0 à " + POINTS_MAX : "un plafond ne s'emploie qu'avec ANCIENNETE_MOIS ou"
                        + " PERSONNE_A_CHARGE"));
            }
        }
        return e;
    }

    private static boolean valeurPermise(TypeCritereCotation t, String v) {
        return switch (t) {
            case PRIORITE -> PRIORITES.contains(v);
            case MOTIF -> Arrays.stream(Motif.values()).anyMatch(m -> m.name().equals(v));
            case STATUT_LOGEMENT -> Arrays.stream(StatutLogement.values()).anyMatch(s -> s.name().equals(v));
            default -> false;
        };
    }

    private static String permises(TypeCritereCotation t) {
        return switch (t) {
            case PRIORITE -> String.join(", ", new java.util.TreeSet<>(PRIORITES));
            case MOTIF -> Arrays.toString(Motif.values());
            case STATUT_LOGEMENT -> Arrays.toString(StatutLogement.values());
            default -> "aucune";
        };
    }
}
