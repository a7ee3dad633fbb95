package org.registrehub.web.commun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.api.Beneficiaire;
import org.registrehub.api.Libelles;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.Motif;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationFamiliale;
import org.registrehub.api.SituationProfessionnelle;
import org.registrehub.api.Statut;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.Typologie;

/**
 * A demand's fields in plain words, by the paths of the register's JSON (those of the history's changes, of the field
 * errors and of the forms: {@code dossier.personnesACharge[1].nom}, {@code demandeur.nom}, {@code statut}): the
 * field's label ("Personne à charge n° 2 — nom") and a value as a person reads it (a code's French label, a date as
 * "1 février 1985", an amount in euros with the French format, oui/non).
 */
public final class LibellesChamps {

    private static final Pattern INDICE = Pattern.compile("\\[([0-9]{1,3})]");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final Map<String, String> LIBELLES = new LinkedHashMap<>();
    private static final Map<String, Class<? extends Enum<?>>> CODES = new LinkedHashMap<>();
    private static final java.util.Set<String> MONTANTS = java.util.Set.of("montantMensuel", "loyer", "loyerMax",
            "anneeN2", "anneeN1");

    static {
        personne("demandeur", "Demandeur");
        personne("coDemandeur.personne", "Co-demandeur");
        champ("situationFamiliale", "Situation familiale", SituationFamiliale.class);
        champ("coDemandeur.lien", "Co-demandeur — lien avec le demandeur", LienCoDemandeur.class);
        champ("contact.adresse", "Adresse", null);
        champ("contact.codePostal", "Code postal", null);
        champ("contact.ville", "Ville", null);
        champ("contact.telephone", "Téléphone", null);
        champ("contact.email", "Adresse électronique", null);
        champ("personnesACharge[].nom", "Personne à charge n° # — nom", null);
        champ("personnesACharge[].prenoms", "Personne à charge n° # — prénoms", null);
        champ("personnesACharge[].dateNaissance", "Personne à charge n° # — date de naissance", null);
        champ("personnesACharge[].sexe", "Personne à charge n° # — sexe", Sexe.class);
        champ("personnesACharge[].lien", "Personne à charge n° # — lien avec le demandeur", LienParente.class);
        champ("personnesACharge[]", "Personne à charge n° #", null);
        champ("ressources[].beneficiaire", "Ressource n° # — qui la perçoit", Beneficiaire.class);
        champ("ressources[].rang", "Ressource n° # — rang de la personne à charge", null);
        champ("ressources[].type", "Ressource n° # — nature", TypeRessource.class);
        champ("ressources[].montantMensuel", "Ressource n° # — montant mensuel", null);
        champ("ressources[]", "Ressource n° #", null);
        champ("revenuFiscal.anneeN2", "Revenu fiscal de référence N-2", null);
        champ("revenuFiscal.anneeN1", "Revenu fiscal de référence N-1", null);
        champ("logementActuel.statut", "Logement actuel — situation", StatutLogement.class);
        champ("logementActuel.loyer", "Logement actuel — loyer mensuel", null);
        champ("logementActuel.surface", "Logement actuel — surface (m²)", null);
        champ("logementActuel.typologie", "Logement actuel — nombre de pièces", Typologie.class);
        champ("logementActuel.nombreOccupants", "Logement actuel — nombre d'occupants", null);
        champ("motifs[]", "Motif n° #", Motif.class);
        champ("motifs", "Motifs de la demande", Motif.class);
        champ("logementRecherche.typologies[]", "Logement recherché — taille n° #", Typologie.class);
        champ("logementRecherche.typologies", "Logement recherché — tailles", Typologie.class);
        champ("logementRecherche.communes[]", "Commune souhaitée n° #", null);
        champ("logementRecherche.communes", "Communes souhaitées", null);
        champ("logementRecherche.loyerMax", "Loyer maximum", null);
        champ("logementRecherche.ascenseur", "Ascenseur nécessaire", null);
        champ("logementRecherche.rezDeChaussee", "Rez-de-chaussée souhaité", null);
        champ("logementRecherche.parking", "Place de stationnement souhaitée", null);
        champ("handicap.personneHandicapee", "Personne en situation de handicap", null);
        champ("handicap.mobiliteReduite", "Personne à mobilité réduite", null);
        champ("handicap.fauteuilRoulant", "Personne en fauteuil roulant", null);
        champ("handicap.besoins", "Besoins d'adaptation du logement", null);
        // the demand itself (history)
        champ("statut", "État", Statut.class);
        champ("guichet", "Guichet d'enregistrement", null);
        champ("territoire", "Territoire", null);
        champ("dateDepot", "Date de dépôt", null);
        champ("dateValidite", "Valable jusqu'au", null);
        champ("dateDernierRenouvellement", "Dernier renouvellement", null);
        champ("radiation.motif", "Motif de radiation", MotifRadiation.class);
        champ("radiation.date", "Date de radiation", null);
        champ("radiation.commentaire", "Radiation — commentaire", null);
        champ("radiation.motifIrrecevabilite", "Motif d'irrecevabilité", MotifIrrecevabilite.class);
        champ("radiation.attribution.bailleur", "Attribution — bailleur", null);
        champ("radiation.attribution.identifiantRpls", "Attribution — identifiant RPLS du logement", null);
        champ("radiation.attribution.reservataire", "Attribution — réservataire", null);
        champ("radiation.attribution.dalo", "Attribution — ménage reconnu DALO", null);
        champ("justificationDoublon", "Justification du doublon présumé", null);
    }

    private LibellesChamps() {
    }

    private static void personne(String prefixe, String qui) {
        champ(prefixe + ".nom", qui + " — nom de naissance", null);
        champ(prefixe + ".prenoms", qui + " — prénoms", null);
        champ(prefixe + ".dateNaissance", qui + " — date de naissance", null);
        champ(prefixe + ".lieuNaissance", qui + " — lieu de naissance", null);
        champ(prefixe + ".sexe", qui + " — sexe", Sexe.class);
        champ(prefixe + ".nationalite", qui + " — nationalité", null);
        champ(prefixe + ".nir", qui + " — numéro de sécurité sociale", null);
        champ(prefixe + ".situationProfessionnelle", qui + " — situation professionnelle",
                SituationProfessionnelle.class);
        champ(prefixe + ".employeur", qui + " — employeur", null);
    }

    private static void champ(String chemin, String libelle, Class<? extends Enum<?>> codes) {
        LIBELLES.put(chemin, libelle);
        if (codes != null) {
            CODES.put(chemin, codes);
        }
    }

    /** The path without its {@code dossier.} prefix and its indices ({@code personnesACharge[].nom}). */
    private static String forme(String chemin) {
        String c = chemin.startsWith("dossier.") ? chemin.substring("dossier.".length()) : chemin;
        return INDICE.matcher(c).replaceAll("[]");
    }

    /** The field's label; an unknown path is shown as it is. */
    public static String libelle(String chemin) {
        if (chemin == null) {
            return "";
        }
        String l = LIBELLES.get(forme(chemin));
        if (l == null) {
            return chemin;
        }
        Matcher m = INDICE.matcher(chemin);
        return m.find() ? l.replace("#", String.valueOf(Integer.parseInt(m.group(1)) + 1)) : l.replace(" n° #", "");
    }

    /** The form's order of the fields (the CERFA's): by field, then by row; an unknown path last. */
    public static final java.util.Comparator<String> ORDRE = java.util.Comparator
            .comparingInt(LibellesChamps::rangDeListe).thenComparingInt(LibellesChamps::ligne)
            .thenComparingInt(LibellesChamps::rang).thenComparing(java.util.Comparator.naturalOrder());

    /** A row's fields stay together: the rank of its list's first field. */
    private static int rangDeListe(String chemin) {
        String f = forme(chemin);
        int crochet = f.indexOf("[]");
        if (crochet < 0) {
            return rang(chemin);
        }
        String liste = f.substring(0, crochet + 2);
        int i = 0;
        for (String k : LIBELLES.keySet()) {
            if (k.startsWith(liste)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    private static int rang(String chemin) {
        int i = 0;
        String f = forme(chemin);
        for (String k : LIBELLES.keySet()) {
            if (k.equals(f)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    private static int ligne(String chemin) {
        Matcher m = INDICE.matcher(chemin);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Every label by path, for a form's error summary (paths as the form names its fields). */
    public static Map<String, String> libelles(Iterable<String> chemins) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : chemins) {
            m.put(c, libelle(c));
        }
        return m;
    }

    /** A value of this field as a person reads it; null or empty: "(vide)". */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String valeur(String chemin, String valeur) {
        if (valeur == null || valeur.isBlank()) {
            return "(vide)";
        }
        String f = forme(chemin);
        Class<? extends Enum<?>> codes = CODES.get(f);
        if (codes != null) {
            try {
                return Libelles.de(Enum.valueOf((Class) codes, valeur));
            } catch (IllegalArgumentException e) {
                return valeur;
            }
        }
        if ("true".equals(valeur) || "false".equals(valeur)) {
            return "true".equals(valeur) ? "oui" : "non";
        }
        String feuille = f.substring(f.lastIndexOf('.') + 1);
        if (feuille.startsWith("date") || feuille.equals("date")) {
            try {
                return DATE.format(LocalDate.parse(valeur));
            } catch (DateTimeParseException e) {
                return valeur;
            }
        }
        if (MONTANTS.contains(feuille)) {
            try {
                return Nombres.euros(new BigDecimal(valeur));
            } catch (NumberFormatException e) {
                return valeur;
            }
        }
        return valeur;
    }
}
