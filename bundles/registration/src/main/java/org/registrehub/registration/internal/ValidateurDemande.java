package org.registrehub.registration.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;

/** The rules a new demand must follow; reports every broken rule at once, with a French message per field. */
final class ValidateurDemande {

    static final int LONGUEUR_NOM_MAX = 100;
    static final int AGE_MINIMUM = 16;
    static final LocalDate NAISSANCE_MIN = LocalDate.of(1900, 1, 1);
    private static final Pattern NOM = Pattern.compile("^\\p{L}[\\p{L}\\p{M} '\\-]*$");
    static final Pattern COMMUNE = Pattern.compile("^([0-9]{5}|2[AB][0-9]{3})$");
    static final Pattern GUICHET = Pattern.compile("^(G[0-9]{4}|GDPUB)$");
    static final Pattern NUMERO_UNIQUE =
            Pattern.compile("^[0-9]{2}[0-9AB](0[1-9]|1[0-2])[0-9]{2}[0-9]{6}(G[0-9]{4}|GDPUB)$");

    private ValidateurDemande() {
    }

    static List<ErreurChamp> valider(NouvelleDemande d, LocalDate aujourdhui) {
        List<ErreurChamp> erreurs = new ArrayList<>();
        if (d == null) {
            erreurs.add(new ErreurChamp("$", "obligatoire", null, "la demande est absente"));
            return erreurs;
        }
        nom("nom", d.nom(), erreurs);
        nom("prenom", d.prenom(), erreurs);
        if (d.dateNaissance() == null) {
            erreurs.add(obligatoire("dateNaissance"));
        } else if (d.dateNaissance().isAfter(aujourdhui)) {
            erreurs.add(new ErreurChamp("dateNaissance", "date-future", d.dateNaissance().toString(),
                    "la date de naissance ne peut pas être dans le futur"));
        } else if (d.dateNaissance().isBefore(NAISSANCE_MIN)) {
            erreurs.add(new ErreurChamp("dateNaissance", "date-plausible", d.dateNaissance().toString(),
                    "la date de naissance doit être postérieure au 01/01/1900"));
        } else if (Period.between(d.dateNaissance(), aujourdhui).getYears() < AGE_MINIMUM) {
            erreurs.add(new ErreurChamp("dateNaissance", "age-minimum", d.dateNaissance().toString(),
                    "le demandeur doit avoir au moins " + AGE_MINIMUM + " ans (majeur ou mineur émancipé)"));
        }
        if (d.commune() == null || d.commune().isBlank()) {
            erreurs.add(obligatoire("commune"));
        } else if (!COMMUNE.matcher(d.commune().strip()).matches()) {
            erreurs.add(new ErreurChamp("commune", "format", d.commune(),
                    "code commune INSEE attendu : 5 caractères, par exemple 44109 ou 2A004"));
        }
        if (d.typologie() == null) {
            erreurs.add(obligatoire("typologie"));
        }
        if (d.guichet() == null || d.guichet().isBlank()) {
            erreurs.add(obligatoire("guichet"));
        } else if (!GUICHET.matcher(d.guichet().strip()).matches()) {
            erreurs.add(new ErreurChamp("guichet", "format", d.guichet(),
                    "code guichet attendu : G suivi de 4 chiffres (ex. G1104), ou GDPUB pour le portail public"));
        }
        return erreurs;
    }

    static List<ErreurChamp> validerNumero(String numeroUnique) {
        if (numeroUnique == null || numeroUnique.isBlank()) {
            return List.of(obligatoire("numeroUnique"));
        }
        if (!NUMERO_UNIQUE.matcher(numeroUnique).matches()) {
            return List.of(new ErreurChamp("numeroUnique", "format", numeroUnique,
                    "numéro unique attendu : 18 caractères DDDMMAANNNNNNGGGGG, par exemple 0440324000001G1104"));
        }
        return List.of();
    }

    /** Trims and collapses inner whitespace, the only normalisation applied to names before storage. */
    static String normaliser(String valeur) {
        return valeur == null ? null : valeur.strip().replaceAll("\\s+", " ");
    }

    private static void nom(String champ, String valeur, List<ErreurChamp> erreurs) {
        String v = normaliser(valeur);
        if (v == null || v.isEmpty()) {
            erreurs.add(obligatoire(champ));
        } else if (v.length() > LONGUEUR_NOM_MAX) {
            erreurs.add(new ErreurChamp(champ, "longueur", v.substring(0, 20) + "…",
                    "au plus " + LONGUEUR_NOM_MAX + " caractères"));
        } else if (!NOM.matcher(v).matches()) {
            erreurs.add(new ErreurChamp(champ, "caracteres", v,
                    "seuls les lettres, espaces, traits d'union et apostrophes sont admis"));
        }
    }

    private static ErreurChamp obligatoire(String champ) {
        return new ErreurChamp(champ, "obligatoire", null, "champ obligatoire");
    }
}
