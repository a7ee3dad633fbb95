package org.registrehub.enregistrement.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.PageDemandes;

/** What a search may ask: well-formed criteria and a page within the first {@link PageDemandes#TOTAL_MAX} results. */
final class ValidateurRecherche {

    static final int TAILLE_MAX = 100;
    private static final Pattern PREFIXE_NUMERO = Pattern.compile("^[0-9A-Z]{1,18}$");
    private static final Pattern TERRITOIRE = Pattern.compile("^[0-9]{2}[0-9AB]$");
    private static final Pattern LETTRE = Pattern.compile(".*\\p{L}.*");

    private ValidateurRecherche() {
    }

    static List<ErreurChamp> valider(CriteresRecherche c, int page, int taille) {
        Erreurs e = new Erreurs();
        if (taille < 1 || taille > TAILLE_MAX) {
            e.ajouter("taille", "bornes", taille, "taille de page attendue entre 1 et " + TAILLE_MAX);
        }
        if (page < 0) {
            e.ajouter("page", "bornes", page, "numéro de page attendu à partir de 0");
        } else if (taille >= 1 && (long) page * taille >= PageDemandes.TOTAL_MAX) {
            e.ajouter("page", "bornes", page, "seuls les " + PageDemandes.TOTAL_MAX + " premiers résultats se"
                    + " parcourent : affinez les critères");
        }
        if (c == null) {
            return e.liste();
        }
        if (c.numeroUnique() != null && !PREFIXE_NUMERO.matcher(c.numeroUnique()).matches()) {
            e.ajouter("numeroUnique", "format", c.numeroUnique(),
                    "début de numéro unique attendu : chiffres et majuscules, 18 caractères au plus");
        }
        nom("nom", c.nom(), e);
        nom("prenom", c.prenom(), e);
        if (c.commune() != null && !ValidateurDemande.COMMUNE.matcher(c.commune()).matches()) {
            e.ajouter("commune", "format", c.commune(), "code commune INSEE attendu : 5 caractères, par exemple 44109");
        }
        if (c.territoire() != null && !TERRITOIRE.matcher(c.territoire()).matches()) {
            e.ajouter("territoire", "format", c.territoire(), "code de département sur 3 caractères attendu (044, 02A)");
        }
        if (c.guichet() != null && !ValidateurDemande.GUICHET.matcher(c.guichet()).matches()) {
            e.ajouter("guichet", "format", c.guichet(),
                    "code guichet attendu : G suivi de 4 chiffres (ex. G1104), ou GDPUB pour le portail public");
        }
        intervalle("depotDu", c.depotDu(), c.depotAu(), e);
        intervalle("validiteDu", c.validiteDu(), c.validiteAu(), e);
        return e.liste();
    }

    private static void nom(String champ, String valeur, Erreurs e) {
        if (valeur != null && (valeur.length() > ValidateurDemande.LONGUEUR_NOM_MAX || !LETTRE.matcher(valeur).matches())) {
            e.ajouter(champ, "format", valeur, "au moins une lettre (début du nom, accents et casse indifférents)");
        }
    }

    private static void intervalle(String champ, LocalDate du, LocalDate au, Erreurs e) {
        if (du != null && au != null && du.isAfter(au)) {
            e.ajouter(champ, "intervalle", du, "le début de l'intervalle est après sa fin (" + au + ")");
        }
    }
}
