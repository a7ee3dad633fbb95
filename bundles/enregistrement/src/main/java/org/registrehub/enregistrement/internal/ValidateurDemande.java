package org.registrehub.enregistrement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.registrehub.api.Beneficiaire;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;

/**
 * The rules a demand must follow (CERFA 14069); reports every broken rule at once, each with the path of the field,
 * the rule, the rejected value and a French message.
 */
final class ValidateurDemande {

    static final int LONGUEUR_NOM_MAX = 100;
    static final int LONGUEUR_TEXTE_MAX = 200;
    static final int AGE_MINIMUM = 16;
    static final int MOTIFS_MAX = 3;
    static final int COMMUNES_MAX = 10;
    static final int PERSONNES_A_CHARGE_MAX = 20;
    static final BigDecimal MONTANT_MAX = new BigDecimal("100000");
    static final LocalDate NAISSANCE_MIN = LocalDate.of(1900, 1, 1);
    private static final Pattern NOM = Pattern.compile("^\\p{L}[\\p{L}\\p{M} '\\-]*$");
    static final Pattern COMMUNE = Pattern.compile("^([0-9]{5}|2[AB][0-9]{3})$");
    static final Pattern GUICHET = Pattern.compile("^(G[0-9]{4}|GDPUB)$");
    static final Pattern NUMERO_UNIQUE =
            Pattern.compile("^[0-9]{2}[0-9AB](0[1-9]|1[0-2])[0-9]{2}[0-9]{6}(G[0-9]{4}|GDPUB)$");
    private static final Pattern CODE_POSTAL = Pattern.compile("^[0-9]{5}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TELEPHONE = Pattern.compile("^(\\+33|0)[1-9][0-9]{8}$");
    private static final Pattern NIR = Pattern.compile("^[1-478][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2[AB]|[0-9]{2})[0-9]{6}[0-9]{2}$");

    private ValidateurDemande() {
    }

    static List<ErreurChamp> valider(NouvelleDemande d, LocalDate aujourdhui) {
        Erreurs e = new Erreurs();
        if (d == null) {
            e.ajouter("$", "obligatoire", null, "la demande est absente");
            return e.liste();
        }
        if (!e.manquant("guichet", d.guichet()) && !GUICHET.matcher(d.guichet().strip()).matches()) {
            e.ajouter("guichet", "format", d.guichet(),
                    "code guichet attendu : G suivi de 4 chiffres (ex. G1104), ou GDPUB pour le portail public");
        }
        if (!e.manquant("dossier", d.dossier())) {
            dossier(d.dossier(), aujourdhui, e);
        }
        texte("justificationDoublon", d.justificationDoublon(), 500, e);
        return e.liste();
    }

    static void dossier(Dossier d, LocalDate aujourdhui, Erreurs e) {
        String p = "dossier.";
        if (!e.manquant(p + "demandeur", d.demandeur())) {
            adulte(p + "demandeur.", d.demandeur(), aujourdhui, e);
        }
        CoDemandeur co = d.coDemandeur();
        if (co != null) {
            if (!e.manquant(p + "coDemandeur.personne", co.personne())) {
                adulte(p + "coDemandeur.personne.", co.personne(), aujourdhui, e);
                if (d.demandeur() != null && d.demandeur().nir() != null && d.demandeur().nir().equals(co.personne().nir())) {
                    e.ajouter(p + "coDemandeur.personne.nir", "unicite", co.personne().nir(),
                            "le co-demandeur ne peut pas avoir le NIR du demandeur");
                }
            }
            e.manquant(p + "coDemandeur.lien", co.lien());
        }
        List<PersonneACharge> enfants = d.personnesACharge() == null ? List.of() : d.personnesACharge();
        if (enfants.size() > PERSONNES_A_CHARGE_MAX) {
            e.ajouter(p + "personnesACharge", "taille", enfants.size(),
                    "au plus " + PERSONNES_A_CHARGE_MAX + " personnes à charge");
        }
        for (int i = 0; i < enfants.size(); i++) {
            personneACharge(p + "personnesACharge[" + i + "].", enfants.get(i), aujourdhui, e);
        }
        if (!e.manquant(p + "contact", d.contact())) {
            contact(p + "contact.", d.contact(), e);
        }
        e.manquant(p + "situationFamiliale", d.situationFamiliale());
        List<Ressource> ressources = d.ressources() == null ? List.of() : d.ressources();
        for (int i = 0; i < ressources.size(); i++) {
            ressource(p + "ressources[" + i + "].", ressources.get(i), co != null, enfants.size(), e);
        }
        revenuFiscal(p + "revenuFiscal.", d.revenuFiscal(), e);
        if (!e.manquant(p + "logementActuel", d.logementActuel())) {
            logementActuel(p + "logementActuel.", d.logementActuel(), e);
        }
        motifs(p + "motifs", d.motifs(), e);
        if (!e.manquant(p + "logementRecherche", d.logementRecherche())) {
            logementRecherche(p + "logementRecherche.", d.logementRecherche(), e);
        }
        if (d.handicap() != null) {
            texte(p + "handicap.besoins", d.handicap().besoins(), LONGUEUR_TEXTE_MAX, e);
        }
    }

    private static void adulte(String p, Personne x, LocalDate aujourdhui, Erreurs e) {
        nom(p + "nom", x.nom(), e);
        nom(p + "prenoms", x.prenoms(), e);
        if (naissance(p + "dateNaissance", x.dateNaissance(), aujourdhui, e)
                && Period.between(x.dateNaissance(), aujourdhui).getYears() < AGE_MINIMUM) {
            e.ajouter(p + "dateNaissance", "age-minimum", x.dateNaissance(),
                    "un demandeur ou co-demandeur doit avoir au moins " + AGE_MINIMUM
                            + " ans (majeur ou mineur émancipé)");
        }
        e.manquant(p + "sexe", x.sexe());
        if (!e.manquant(p + "nationalite", x.nationalite())) {
            texte(p + "nationalite", x.nationalite(), LONGUEUR_NOM_MAX, e);
        }
        texte(p + "lieuNaissance", x.lieuNaissance(), LONGUEUR_NOM_MAX, e);
        texte(p + "employeur", x.employeur(), LONGUEUR_TEXTE_MAX, e);
        e.manquant(p + "situationProfessionnelle", x.situationProfessionnelle());
        if (x.nir() != null && !x.nir().isBlank()) {
            nir(p + "nir", normaliserNir(x.nir()), x, e);
        }
    }

    private static void personneACharge(String p, PersonneACharge x, LocalDate aujourdhui, Erreurs e) {
        if (x == null) {
            e.obligatoire(p.substring(0, p.length() - 1));
            return;
        }
        nom(p + "nom", x.nom(), e);
        nom(p + "prenoms", x.prenoms(), e);
        naissance(p + "dateNaissance", x.dateNaissance(), aujourdhui, e);
        e.manquant(p + "lien", x.lien());
    }

    private static void contact(String p, Contact c, Erreurs e) {
        if (!e.manquant(p + "adresse", c.adresse())) {
            texte(p + "adresse", c.adresse(), LONGUEUR_TEXTE_MAX, e);
        }
        if (!e.manquant(p + "codePostal", c.codePostal()) && !CODE_POSTAL.matcher(c.codePostal().strip()).matches()) {
            e.ajouter(p + "codePostal", "format", c.codePostal(), "code postal attendu : 5 chiffres");
        }
        if (!e.manquant(p + "ville", c.ville())) {
            texte(p + "ville", c.ville(), LONGUEUR_NOM_MAX, e);
        }
        if (c.email() != null && !c.email().isBlank() && (c.email().length() > LONGUEUR_TEXTE_MAX
                || !EMAIL.matcher(c.email().strip()).matches())) {
            e.ajouter(p + "email", "format", c.email(), "adresse électronique invalide");
        }
        if (c.telephone() != null && !c.telephone().isBlank()
                && !TELEPHONE.matcher(normaliserTelephone(c.telephone())).matches()) {
            e.ajouter(p + "telephone", "format", c.telephone(),
                    "numéro de téléphone français attendu (10 chiffres, ou +33 suivi de 9 chiffres)");
        }
    }

    private static void ressource(String p, Ressource r, boolean coDemandeur, int personnesACharge, Erreurs e) {
        if (r == null) {
            e.obligatoire(p.substring(0, p.length() - 1));
            return;
        }
        if (!e.manquant(p + "beneficiaire", r.beneficiaire())) {
            if (r.beneficiaire() == Beneficiaire.CO_DEMANDEUR && !coDemandeur) {
                e.ajouter(p + "beneficiaire", "coherence", r.beneficiaire(),
                        "ressource d'un co-demandeur alors que la demande n'en déclare pas");
            }
            if (r.beneficiaire() == Beneficiaire.PERSONNE_A_CHARGE) {
                if (r.rang() == null || r.rang() < 1 || r.rang() > personnesACharge) {
                    e.ajouter(p + "rang", "coherence", r.rang(), "rang de la personne à charge attendu entre 1 et "
                            + personnesACharge + " (nombre de personnes à charge déclarées)");
                }
            } else if (r.rang() != null) {
                e.ajouter(p + "rang", "coherence", r.rang(), "le rang ne s'emploie que pour une personne à charge");
            }
        }
        e.manquant(p + "type", r.type());
        montant(p + "montantMensuel", r.montantMensuel(), true, e);
    }

    private static void revenuFiscal(String p, RevenuFiscal r, Erreurs e) {
        if (r == null) {
            return;
        }
        if (r.anneeN2() != null && (r.anneeN2() < 0 || r.anneeN2() > 10_000_000)) {
            e.ajouter(p + "anneeN2", "bornes", r.anneeN2(), "revenu fiscal de référence attendu entre 0 et 10 000 000 €");
        }
        if (r.anneeN1() != null && (r.anneeN1() < 0 || r.anneeN1() > 10_000_000)) {
            e.ajouter(p + "anneeN1", "bornes", r.anneeN1(), "revenu fiscal de référence attendu entre 0 et 10 000 000 €");
        }
    }

    private static void logementActuel(String p, LogementActuel l, Erreurs e) {
        e.manquant(p + "statut", l.statut());
        montant(p + "loyer", l.loyer(), false, e);
        if (l.surface() != null && (l.surface() < 1 || l.surface() > 1000)) {
            e.ajouter(p + "surface", "bornes", l.surface(), "surface attendue entre 1 et 1000 m²");
        }
        if (l.nombreOccupants() != null && (l.nombreOccupants() < 1 || l.nombreOccupants() > 30)) {
            e.ajouter(p + "nombreOccupants", "bornes", l.nombreOccupants(), "nombre d'occupants attendu entre 1 et 30");
        }
    }

    private static void motifs(String p, List<?> motifs, Erreurs e) {
        if (motifs == null || motifs.isEmpty()) {
            e.ajouter(p, "obligatoire", null, "au moins un motif de la demande");
            return;
        }
        if (motifs.size() > MOTIFS_MAX) {
            e.ajouter(p, "taille", motifs.size(), "au plus " + MOTIFS_MAX + " motifs, par ordre d'importance");
        }
        distincts(p, motifs, "motif", e);
    }

    private static void logementRecherche(String p, LogementRecherche l, Erreurs e) {
        if (l.typologies() == null || l.typologies().isEmpty()) {
            e.ajouter(p + "typologies", "obligatoire", null, "au moins une typologie souhaitée");
        } else {
            distincts(p + "typologies", l.typologies(), "typologie", e);
        }
        if (l.communes() == null || l.communes().isEmpty()) {
            e.ajouter(p + "communes", "obligatoire", null,
                    "au moins une commune souhaitée (la première fixe le territoire de la demande)");
        } else {
            if (l.communes().size() > COMMUNES_MAX) {
                e.ajouter(p + "communes", "taille", l.communes().size(), "au plus " + COMMUNES_MAX + " communes");
            }
            for (int i = 0; i < l.communes().size(); i++) {
                String c = l.communes().get(i);
                if (c == null || !COMMUNE.matcher(c.strip()).matches()) {
                    e.ajouter(p + "communes[" + i + "]", "format", c,
                            "code commune INSEE attendu : 5 caractères, par exemple 44109 ou 2A004");
                }
            }
            distincts(p + "communes", l.communes(), "commune", e);
        }
        montant(p + "loyerMax", l.loyerMax(), false, e);
    }

    private static void distincts(String p, List<?> valeurs, String quoi, Erreurs e) {
        Set<Object> vus = new HashSet<>();
        for (int i = 0; i < valeurs.size(); i++) {
            Object v = valeurs.get(i);
            if (v == null) {
                e.obligatoire(p + "[" + i + "]");
            } else if (!vus.add(v)) {
                e.ajouter(p + "[" + i + "]", "doublon", v, quoi + " déjà citée ou cité plus haut dans la liste");
            }
        }
    }

    private static void montant(String champ, BigDecimal montant, boolean obligatoire, Erreurs e) {
        if (montant == null) {
            if (obligatoire) {
                e.obligatoire(champ);
            }
            return;
        }
        if (montant.signum() < 0 || montant.compareTo(MONTANT_MAX) > 0) {
            e.ajouter(champ, "bornes", montant.toPlainString(), "montant mensuel attendu entre 0 et 100 000 €");
        } else if (montant.stripTrailingZeros().scale() > 2) {
            e.ajouter(champ, "format", montant.toPlainString(), "montant en euros, au centime près");
        }
    }

    /** @return true when a birth date is present and plausible */
    private static boolean naissance(String champ, LocalDate date, LocalDate aujourdhui, Erreurs e) {
        if (date == null) {
            e.obligatoire(champ);
            return false;
        }
        if (date.isAfter(aujourdhui)) {
            e.ajouter(champ, "date-future", date, "la date de naissance ne peut pas être dans le futur");
            return false;
        }
        if (date.isBefore(NAISSANCE_MIN)) {
            e.ajouter(champ, "date-plausible", date, "la date de naissance doit être postérieure au 01/01/1900");
            return false;
        }
        return true;
    }

    private static void nom(String champ, String valeur, Erreurs e) {
        String v = normaliser(valeur);
        if (v == null || v.isEmpty()) {
            e.obligatoire(champ);
        } else if (v.length() > LONGUEUR_NOM_MAX) {
            e.ajouter(champ, "longueur", v, "au plus " + LONGUEUR_NOM_MAX + " caractères");
        } else if (!NOM.matcher(v).matches()) {
            e.ajouter(champ, "caracteres", v, "seuls les lettres, espaces, traits d'union et apostrophes sont admis");
        }
    }

    private static void texte(String champ, String valeur, int max, Erreurs e) {
        if (valeur != null && valeur.strip().length() > max) {
            e.ajouter(champ, "longueur", valeur, "au plus " + max + " caractères");
        }
    }

    /**
     * NIR: sex digit, birth year and month, département (2A/2B in Corsica), commune, order, and the key
     * {@code 97 - (number mod 97)} where 2A counts as 19 and 2B as 18. Sex and birth year must match the person.
     */
    private static void nir(String champ, String nir, Personne x, Erreurs e) {
        if (!NIR.matcher(nir).matches()) {
            e.ajouter(champ, "format", nir, "NIR attendu : 13 caractères suivis de la clé (15 en tout)");
            return;
        }
        String corps = nir.substring(0, 13).replace("2A", "19").replace("2B", "18");
        long cle = 97 - (Long.parseLong(corps) % 97);
        if (cle != Long.parseLong(nir.substring(13))) {
            e.ajouter(champ, "cle", nir, "la clé du NIR ne correspond pas (clé attendue " + String.format("%02d", cle)
                    + ")");
            return;
        }
        char sexe = nir.charAt(0);
        if (x.sexe() != null && (sexe == '1' || sexe == '2') && (sexe == '1') != (x.sexe() == Sexe.M)) {
            e.ajouter(champ, "coherence", nir, "le premier chiffre du NIR ne correspond pas au sexe déclaré");
        }
        if (x.dateNaissance() != null && (sexe == '1' || sexe == '2')
                && Integer.parseInt(nir.substring(1, 3)) != x.dateNaissance().getYear() % 100) {
            e.ajouter(champ, "coherence", nir, "l'année de naissance du NIR ne correspond pas à la date de naissance");
        }
    }

    static List<ErreurChamp> validerNumero(String numeroUnique) {
        Erreurs e = new Erreurs();
        if (!e.manquant("numeroUnique", numeroUnique) && !NUMERO_UNIQUE.matcher(numeroUnique).matches()) {
            e.ajouter("numeroUnique", "format", numeroUnique,
                    "numéro unique attendu : 18 caractères DDDMMAANNNNNNGGGGG, par exemple 0440324000001G1104");
        }
        return e.liste();
    }

    /** Trims and collapses inner whitespace. */
    static String normaliser(String valeur) {
        return valeur == null ? null : valeur.strip().replaceAll("\\s+", " ");
    }

    static String normaliserNir(String nir) {
        return nir == null ? null : nir.replaceAll("[\\s.\\-]", "").toUpperCase();
    }

    static String normaliserTelephone(String telephone) {
        return telephone == null ? null : telephone.replaceAll("[\\s.\\-()]", "");
    }
}
