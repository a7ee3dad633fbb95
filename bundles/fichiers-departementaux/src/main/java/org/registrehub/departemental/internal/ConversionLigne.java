package org.registrehub.departemental.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.api.Beneficiaire;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.DemandeImportee;
import org.registrehub.api.Dossier;
import org.registrehub.api.Handicap;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Motif;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationFamiliale;
import org.registrehub.api.SituationProfessionnelle;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.Typologie;

/**
 * One line of a departmental extract (its columns by name, from CSV or XML) to a demand to import. The columns are
 * those of {@code docs/departemental/format-extrait.md}; a value that cannot be read names its column and the
 * expected form. The register's rules (required fields, formats, ages...) are checked afterwards by the import
 * service, as for any registration.
 */
final class ConversionLigne {

    /** The columns an extract must have (the others are optional). */
    static final List<String> OBLIGATOIRES = List.of("ancien_numero", "date_depot", "guichet", "nom", "prenoms",
            "date_naissance", "sexe", "nationalite", "situation_professionnelle", "situation_familiale", "adresse",
            "code_postal", "ville", "statut_logement", "typologies", "communes");
    static final Set<String> CONNUES = Set.of("ancien_numero", "date_depot", "date_renouvellement", "guichet", "nom",
            "prenoms", "date_naissance", "lieu_naissance", "sexe", "nationalite", "nir", "situation_professionnelle",
            "employeur", "situation_familiale", "adresse", "code_postal", "ville", "telephone", "email",
            "type_revenu", "revenu_mensuel", "revenu_fiscal", "statut_logement", "loyer", "surface",
            "typologie_actuelle", "nb_occupants", "typologies", "communes", "loyer_max", "motifs", "handicap",
            "co_nom", "co_prenoms", "co_date_naissance", "co_lieu_naissance", "co_sexe", "co_nationalite", "co_nir",
            "co_situation_professionnelle", "co_employeur", "co_lien", "co_type_revenu", "co_revenu_mensuel");
    /** The columns of the co-applicant: one of them filled makes the line's household a couple. */
    private static final List<String> CO_DEMANDEUR = List.of("co_nom", "co_prenoms", "co_date_naissance",
            "co_lieu_naissance", "co_sexe", "co_nationalite", "co_nir", "co_situation_professionnelle", "co_employeur",
            "co_lien", "co_type_revenu", "co_revenu_mensuel");
    /** The columns of the n-th dependant: {@code pac1_nom}, {@code pac1_prenoms}... numbered from 1. */
    private static final List<String> COLONNES_PERSONNE = List.of("nom", "prenoms", "date_naissance", "sexe", "lien");
    private static final Pattern PERSONNE_A_CHARGE = Pattern.compile("pac([1-9][0-9]?)_("
            + String.join("|", COLONNES_PERSONNE) + ")");

    /** Whether a column is one the import reads. */
    static boolean connue(String colonne) {
        return CONNUES.contains(colonne) || PERSONNE_A_CHARGE.matcher(colonne).matches();
    }

    private static final DateTimeFormatter FRANCAISE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** A value of a line that cannot be read: its column and what was expected. */
    static final class ValeurIllisible extends RuntimeException {
        final String colonne;

        ValeurIllisible(String colonne, String message) {
            super(message);
            this.colonne = colonne;
        }
    }

    private ConversionLigne() {
    }

    /**
     * The line's demand; every unreadable value of the line is reported at once (the first one's column, all of
     * them in the message).
     */
    static DemandeImportee convertir(long ligne, Map<String, String> brutes) {
        Lecture v = new Lecture(brutes);
        String ancien = texte(v, "ancien_numero");
        LocalDate depot = date(v, "date_depot");
        LocalDate renouvellement = date(v, "date_renouvellement");
        String guichet = texte(v, "guichet");
        Personne demandeur = new Personne(texte(v, "nom"), texte(v, "prenoms"), date(v, "date_naissance"),
                texte(v, "lieu_naissance"), valeur(v, "sexe", Sexe.class), texte(v, "nationalite"), texte(v, "nir"),
                valeur(v, "situation_professionnelle", SituationProfessionnelle.class), texte(v, "employeur"));
        Contact contact = new Contact(texte(v, "adresse"), texte(v, "code_postal"), texte(v, "ville"),
                texte(v, "telephone"), texte(v, "email"));
        List<Ressource> ressources = new ArrayList<>();
        BigDecimal revenu = montant(v, "revenu_mensuel");
        if (revenu != null) {
            TypeRessource type = valeur(v, "type_revenu", TypeRessource.class);
            ressources.add(new Ressource(Beneficiaire.DEMANDEUR, null, type == null ? TypeRessource.AUT : type,
                    revenu));
        }
        CoDemandeur co = coDemandeur(v);
        BigDecimal revenuCo = montant(v, "co_revenu_mensuel");
        if (revenuCo != null) {
            TypeRessource type = valeur(v, "co_type_revenu", TypeRessource.class);
            ressources.add(new Ressource(Beneficiaire.CO_DEMANDEUR, null, type == null ? TypeRessource.AUT : type,
                    revenuCo));
        }
        List<PersonneACharge> personnes = personnesACharge(v);
        Integer fiscal = entier(v, "revenu_fiscal");
        Integer surface = entier(v, "surface");
        LogementActuel actuel = new LogementActuel(valeur(v, "statut_logement", StatutLogement.class),
                montant(v, "loyer"), surface, valeur(v, "typologie_actuelle", Typologie.class),
                entier(v, "nb_occupants"));
        LogementRecherche recherche = new LogementRecherche(liste(v, "typologies", Typologie.class),
                liste(v, "communes"), montant(v, "loyer_max"), false, false, false);
        boolean handicap = "OUI".equals(normaliser(texte(v, "handicap")));
        Dossier dossier = new Dossier(demandeur, co, personnes, contact,
                valeur(v, "situation_familiale", SituationFamiliale.class), ressources,
                fiscal == null ? null : new RevenuFiscal(fiscal, null), actuel, liste(v, "motifs", Motif.class),
                recherche, new Handicap(handicap, false, false, null));
        if (!v.erreurs.isEmpty()) {
            throw new ValeurIllisible(v.erreurs.get(0).colonne, String.join(" ; ", v.erreurs.stream()
                    .map(e -> e.colonne + " : " + e.getMessage()).toList()));
        }
        return new DemandeImportee(ligne, ancien, guichet, depot, renouvellement, dossier);
    }

    /** The co-applicant, when one of its columns is filled (its required fields are checked by the register). */
    private static CoDemandeur coDemandeur(Lecture v) {
        if (CO_DEMANDEUR.stream().allMatch(c -> texte(v, c) == null)) {
            return null;
        }
        Personne p = new Personne(texte(v, "co_nom"), texte(v, "co_prenoms"), date(v, "co_date_naissance"),
                texte(v, "co_lieu_naissance"), valeur(v, "co_sexe", Sexe.class), texte(v, "co_nationalite"),
                texte(v, "co_nir"), valeur(v, "co_situation_professionnelle", SituationProfessionnelle.class),
                texte(v, "co_employeur"));
        LienCoDemandeur lien = valeur(v, "co_lien", LienCoDemandeur.class);
        return new CoDemandeur(p, lien);
    }

    /**
     * The dependants, in the order of their numbers ({@code pac1_…}, {@code pac2_…}); a number with every column empty
     * is no one. Numbers must follow each other from 1: a gap is reported naming the first column after it.
     */
    private static List<PersonneACharge> personnesACharge(Lecture v) {
        TreeMap<Integer, String> rangs = new TreeMap<>();
        for (Map.Entry<String, String> e : v.valeurs.entrySet()) {
            Matcher m = PERSONNE_A_CHARGE.matcher(e.getKey());
            if (m.matches() && e.getValue() != null && !e.getValue().isBlank()) {
                // the number's first filled column in the documented order (nom, prenoms, date_naissance, sexe, lien)
                rangs.merge(Integer.valueOf(m.group(1)), e.getKey(), (a, b) -> COLONNES_PERSONNE.indexOf(suffixe(a))
                        <= COLONNES_PERSONNE.indexOf(suffixe(b)) ? a : b);
            }
        }
        List<PersonneACharge> personnes = new ArrayList<>();
        int attendu = 1;
        for (Map.Entry<Integer, String> r : rangs.entrySet()) {
            int n = r.getKey();
            if (n != attendu) {
                v.erreurs.add(new ValeurIllisible(r.getValue(), "personnes à charge numérotées à la suite à partir de 1"
                        + " (pac" + attendu + "_… attendu avant pac" + n + "_…)"));
                return List.of();
            }
            String p = "pac" + n + "_";
            personnes.add(new PersonneACharge(texte(v, p + "nom"), texte(v, p + "prenoms"), date(v, p + "date_naissance"),
                    valeur(v, p + "sexe", Sexe.class), valeur(v, p + "lien", LienParente.class)));
            attendu++;
        }
        return personnes;
    }

    private static String suffixe(String colonne) {
        return colonne.substring(colonne.indexOf('_') + 1);
    }

    /** The values of a line, and the unreadable ones met so far. */
    private static final class Lecture {
        final Map<String, String> valeurs;
        final List<ValeurIllisible> erreurs = new ArrayList<>();

        Lecture(Map<String, String> valeurs) {
            this.valeurs = valeurs;
        }

        String get(String colonne) {
            return valeurs.get(colonne);
        }
    }

    private static String texte(Lecture v, String colonne) {
        String s = v.get(colonne);
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code jj/mm/aaaa} (the departmental files) or {@code aaaa-mm-jj}. */
    private static LocalDate date(Lecture v, String colonne) {
        String s = texte(v, colonne);
        if (s == null) {
            return null;
        }
        try {
            return s.contains("/") ? LocalDate.parse(s, FRANCAISE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            v.erreurs.add(new ValeurIllisible(colonne, "date attendue au format jj/mm/aaaa ou aaaa-mm-jj"));
            return null;
        }
    }

    /** A decimal amount, with a comma or a point. */
    private static BigDecimal montant(Lecture v, String colonne) {
        String s = texte(v, colonne);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            v.erreurs.add(new ValeurIllisible(colonne, "montant attendu (chiffres, virgule ou point décimal)"));
            return null;
        }
    }

    private static Integer entier(Lecture v, String colonne) {
        String s = texte(v, colonne);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.replace(" ", ""));
        } catch (NumberFormatException e) {
            v.erreurs.add(new ValeurIllisible(colonne, "nombre entier attendu"));
            return null;
        }
    }

    /** A value of the register's list, whatever its case, accents, spaces or dashes. */
    private static <E extends Enum<E>> E valeur(Lecture v, String colonne, Class<E> type) {
        String s = texte(v, colonne);
        if (s == null) {
            return null;
        }
        E e = valeur(s, colonne, type);
        if (e == null) {
            v.erreurs.add(new ValeurIllisible(colonne, "valeur « " + s + " » inconnue ; attendu : "
                    + Arrays.toString(type.getEnumConstants())));
        }
        return e;
    }

    private static <E extends Enum<E>> E valeur(String s, String colonne, Class<E> type) {
        String code = normaliser(s);
        if (type == Typologie.class && code.matches("T6.*")) {
            code = Typologie.T6_PLUS.name();
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Values separated by {@code |} or {@code ,}. */
    private static List<String> liste(Lecture v, String colonne) {
        String s = texte(v, colonne);
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split("[|,]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static <E extends Enum<E>> List<E> liste(Lecture v, String colonne, Class<E> type) {
        List<E> valeurs = new ArrayList<>();
        for (String s : liste(v, colonne)) {
            E e = valeur(s, colonne, type);
            if (e == null) {
                v.erreurs.add(new ValeurIllisible(colonne, "valeur « " + s + " » inconnue ; attendu : "
                        + Arrays.toString(type.getEnumConstants())));
            } else {
                valeurs.add(e);
            }
        }
        return valeurs;
    }

    static String normaliser(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[\\s'-]+", "_");
    }
}
