package org.registrehub.attribution.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.registrehub.api.ErreurChamp;
import org.registrehub.api.attribution.DeclarationLogement;

/** The rules of a dwelling's declaration, every problem reported at once, by field. */
final class ValidateurLogement {

    static final String RPLS = "^[0-9A-Za-z]{1,20}$";
    static final String COMMUNE = "^([0-9]{5}|2[AB][0-9]{3})$";
    static final String NUMERO = "^[0-9]{2}[0-9AB][0-9]{10}(G[0-9]{4}|GDPUB)$";
    static final String ORGANISATION = "^[A-Za-z0-9_-]{1,20}$";
    /** A dwelling is let within two years of its declaration, or it is not an offer yet. */
    static final int DISPONIBILITE_MAX_MOIS = 24;

    private ValidateurLogement() {
    }

    static List<ErreurChamp> valider(DeclarationLogement d, LocalDate aujourdhui) {
        List<ErreurChamp> e = new ArrayList<>();
        if (d == null) {
            e.add(new ErreurChamp("logement", "obligatoire", null, "le logement est absent de la requête"));
            return e;
        }
        texte(e, "identifiantRpls", d.identifiantRpls(), RPLS, "1 à 20 lettres ou chiffres (identifiant RPLS)");
        if (d.bailleur() != null && !d.bailleur().isBlank() && !d.bailleur().strip().matches(ORGANISATION)) {
            e.add(new ErreurChamp("bailleur", "format", d.bailleur(), "code d'organisation attendu (1 à 20 lettres,"
                    + " chiffres, - ou _)"));
        }
        if (manque(e, "adresse", d.adresse())) {
            // reported
        } else if (d.adresse().strip().length() > 200) {
            e.add(new ErreurChamp("adresse", "longueur", d.adresse().substring(0, 40) + "…", "200 caractères au plus"));
        }
        texte(e, "commune", d.commune(), COMMUNE, "code INSEE de la commune attendu (5 caractères, 2A/2B en Corse)");
        manque(e, "typologie", d.typologie());
        if (!manque(e, "surface", d.surface()) && (d.surface().signum() <= 0
                || d.surface().compareTo(new BigDecimal("1000")) > 0)) {
            e.add(new ErreurChamp("surface", "intervalle", d.surface().toPlainString(), "surface habitable en m²,"
                    + " de 1 à 1000"));
        }
        if (!manque(e, "etage", d.etage()) && (d.etage() < -1 || d.etage() > 60)) {
            e.add(new ErreurChamp("etage", "intervalle", String.valueOf(d.etage()), "étage de -1 (entresol) à 60, 0"
                    + " pour le rez-de-chaussée"));
        }
        manque(e, "ascenseur", d.ascenseur());
        manque(e, "accessibilite", d.accessibilite());
        if (!manque(e, "loyer", d.loyer()) && (d.loyer().signum() <= 0
                || d.loyer().compareTo(new BigDecimal("10000")) > 0 || d.loyer().scale() > 2)) {
            e.add(new ErreurChamp("loyer", "intervalle", d.loyer().toPlainString(), "loyer mensuel hors charges en"
                    + " euros, positif, au centime près, au plus 10 000"));
        }
        if (!manque(e, "charges", d.charges()) && (d.charges().signum() < 0
                || d.charges().compareTo(new BigDecimal("5000")) > 0 || d.charges().scale() > 2)) {
            e.add(new ErreurChamp("charges", "intervalle", d.charges().toPlainString(), "charges mensuelles en euros,"
                    + " de 0 à 5 000, au centime près"));
        }
        manque(e, "financement", d.financement());
        if (!manque(e, "reservataire", d.reservataire())) {
            manque(e, "reservataire.type", d.reservataire().type());
            texte(e, "reservataire.organisation", d.reservataire().organisation(), ORGANISATION,
                    "code d'organisation du réservataire attendu (1 à 20 lettres, chiffres, - ou _)");
        }
        if (!manque(e, "dateDisponibilite", d.dateDisponibilite())
                && d.dateDisponibilite().isAfter(aujourdhui.plusMonths(DISPONIBILITE_MAX_MOIS))) {
            e.add(new ErreurChamp("dateDisponibilite", "intervalle", d.dateDisponibilite().toString(),
                    "un logement s'offre au plus " + DISPONIBILITE_MAX_MOIS + " mois avant sa disponibilité"));
        }
        return e;
    }

    static void texte(List<ErreurChamp> e, String champ, String valeur, String format, String message) {
        if (!manque(e, champ, valeur) && !valeur.strip().matches(format)) {
            e.add(new ErreurChamp(champ, "format", valeur, message));
        }
    }

    /** Adds the error of a missing value; true if it was missing. */
    static boolean manque(List<ErreurChamp> e, String champ, Object valeur) {
        if (valeur == null || valeur instanceof String s && s.isBlank()) {
            e.add(new ErreurChamp(champ, "obligatoire", null, "champ obligatoire"));
            return true;
        }
        return false;
    }
}
