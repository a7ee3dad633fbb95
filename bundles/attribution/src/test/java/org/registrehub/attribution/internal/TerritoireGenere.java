package org.registrehub.attribution.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.registrehub.api.Beneficiaire;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
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
 * A generated territory: dossiers of every shape (households, resources, tax incomes declared or not, rent wished or
 * not, accessibility needs, motives and current housing that make legal priorities), from a seed. The tests compute
 * the candidates they expect from these dossiers with their own arithmetic ({@link #attendu}).
 */
final class TerritoireGenere {

    static final List<String> COMMUNES = List.of("44109", "44162", "44190", "44143");
    private static final Typologie[] TYPOLOGIES = {Typologie.T1, Typologie.T2, Typologie.T3, Typologie.T4,
            Typologie.T5};
    private static final StatutLogement[] STATUTS = {StatutLogement.LOCATAIRE_HLM, StatutLogement.LOCATAIRE_PRIVE,
            StatutLogement.HEBERGE_FAMILLE, StatutLogement.SANS_ABRI, StatutLogement.FOYER,
            StatutLogement.LOCATAIRE_PRIVE, StatutLogement.LOCATAIRE_PRIVE};
    private static final Motif[] MOTIFS = {Motif.LOGEMENT_TROP_CHER, Motif.LOGEMENT_TROP_PETIT, Motif.HANDICAP,
            Motif.VIOLENCES_FAMILIALES, Motif.LOGEMENT_INDIGNE, Motif.RAPPROCHEMENT_TRAVAIL, Motif.DIVORCE_SEPARATION,
            Motif.SANS_LOGEMENT};
    /** PLUS 2024, other regions, for 1 to 6 persons, then the supplement: the test's own copy of the order. */
    static final long[] PLUS_2024 = {24316, 32473, 39051, 47145, 55460, 62501, 6971};
    static final long[] PLAI_2024 = {13373, 19486, 23432, 26071, 30502, 34375, 3834};

    private TerritoireGenere() {
    }

    /** The n-th dossier of the seed: an applicant of its own (name and birth date from n). */
    static Dossier dossier(Random r, int n, LocalDate aujourdhui) {
        boolean couple = r.nextInt(10) < 4;
        int enfants = r.nextInt(10) < 5 ? 0 : 1 + r.nextInt(4);
        List<PersonneACharge> aCharge = new ArrayList<>();
        for (int i = 0; i < enfants; i++) {
            // ages 4 to 9 or 16 to 19 (born before the first filing): never close to the 14 years that change the consumption units
            int age = r.nextBoolean() ? 4 + r.nextInt(6) : 16 + r.nextInt(4);
            aCharge.add(new PersonneACharge(nom(n), "Enfant" + (char) ('a' + i), aujourdhui.minusYears(age).minusDays(40),
                    Sexe.F, LienParente.ENFANT));
        }
        List<Ressource> ressources = new ArrayList<>();
        int montants = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < montants; i++) {
            ressources.add(new Ressource(Beneficiaire.DEMANDEUR, null, i == 0 ? TypeRessource.SAL : TypeRessource.AF,
                    BigDecimal.valueOf(300 + r.nextInt(2800)).setScale(2, RoundingMode.UNNECESSARY)));
        }
        if (couple && r.nextBoolean()) {
            ressources.add(new Ressource(Beneficiaire.CO_DEMANDEUR, null, TypeRessource.SAL,
                    new BigDecimal(200 + r.nextInt(1800) + ".50")));
        }
        RevenuFiscal revenu = r.nextInt(8) == 0 ? null : new RevenuFiscal(6000 + r.nextInt(50000), null);
        List<Typologie> typologies = new ArrayList<>();
        int premiere = r.nextInt(TYPOLOGIES.length);
        typologies.add(TYPOLOGIES[premiere]);
        if (premiere + 1 < TYPOLOGIES.length && r.nextBoolean()) {
            typologies.add(TYPOLOGIES[premiere + 1]);
        }
        List<String> communes = new ArrayList<>(COMMUNES);
        java.util.Collections.shuffle(communes, r);
        communes = communes.subList(0, 1 + r.nextInt(3));
        BigDecimal loyerMax = r.nextInt(3) == 0 ? null : BigDecimal.valueOf(350 + r.nextInt(600));
        boolean ascenseur = r.nextInt(8) == 0;
        boolean rdc = r.nextInt(12) == 0;
        boolean fauteuil = r.nextInt(25) == 0;
        boolean mobilite = fauteuil || r.nextInt(12) == 0;
        List<Motif> motifs = new ArrayList<>();
        motifs.add(MOTIFS[r.nextInt(MOTIFS.length)]);
        Motif second = MOTIFS[r.nextInt(MOTIFS.length)];
        if (second != motifs.get(0) && r.nextBoolean()) {
            motifs.add(second);
        }
        StatutLogement statut = STATUTS[r.nextInt(STATUTS.length)];
        return new Dossier(new Personne(nom(n), "Prenom", LocalDate.of(1950, 1, 1).plusDays(n * 37L), "Nantes",
                Sexe.F, "française", null, SituationProfessionnelle.CDI, null),
                couple ? new CoDemandeur(new Personne(nom(n), "Conjoint", LocalDate.of(1960, 3, 1)
                        .plusDays(n * 11L), "Nantes", Sexe.M, "française", null, SituationProfessionnelle.CDD, null),
                        LienCoDemandeur.CONJOINT) : null,
                aCharge, new Contact("1 rue de la Paix", "44000", "Nantes", "0612345678", null),
                couple ? SituationFamiliale.MARIE : SituationFamiliale.CELIBATAIRE, ressources, revenu,
                new LogementActuel(statut, null, null, null, 1 + (couple ? 1 : 0) + enfants), motifs,
                new LogementRecherche(typologies, communes, loyerMax, ascenseur, rdc, false),
                new Handicap(r.nextInt(15) == 0, mobilite, fauteuil, null));
    }

    /** A family name of letters from n ("Genere" + base 26). */
    static String nom(int n) {
        StringBuilder s = new StringBuilder("Genere");
        for (int i = n; i > 0 || s.length() == 6; i /= 26) {
            s.append((char) ('a' + i % 26));
        }
        return s.toString();
    }

    /** A dwelling as the test sees it. */
    record Logement(String commune, Typologie typologie, BigDecimal depense, int etage, boolean ascenseur,
                    String accessibilite, long[] plafonds, int occupationMin, int occupationMax) {
    }

    /** What the test expects of a demand for a dwelling, computed here, not by the hub. */
    record Attendu(String numero, LocalDate depot, boolean dalo, int priorites) {
    }

    /**
     * The demand is a candidate for the dwelling under the shipped rules (occupation, ceiling — an undeclared income
     * does not exclude —, effort rate at most 33 %, at least 300 € per consumption unit, accessibility), or null.
     */
    static Attendu attendu(String numero, LocalDate depot, Dossier d, Logement l, boolean dalo, LocalDate jour) {
        LogementRecherche lr = d.logementRecherche();
        if (!lr.communes().contains(l.commune()) || !lr.typologies().contains(l.typologie())) {
            return null;
        }
        int enfants = d.personnesACharge().size();
        int taille = 1 + (d.coDemandeur() == null ? 0 : 1) + enfants;
        if (taille < l.occupationMin() || taille > l.occupationMax()) {
            return null;
        }
        long plafond = taille <= 6 ? l.plafonds()[taille - 1] : l.plafonds()[5] + (taille - 6) * l.plafonds()[6];
        if (d.revenuFiscal() != null && d.revenuFiscal().anneeN2() > plafond) {
            return null;
        }
        BigDecimal ressources = d.ressources().stream().map(Ressource::montantMensuel)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (ressources.signum() == 0) {
            return null;
        }
        BigDecimal taux = l.depense().multiply(BigDecimal.valueOf(100)).divide(ressources, 1, RoundingMode.HALF_UP);
        if (taux.compareTo(new BigDecimal("33")) > 0) {
            return null;
        }
        double uc = 1 + (d.coDemandeur() == null ? 0 : 0.5);
        for (PersonneACharge p : d.personnesACharge()) {
            uc += p.dateNaissance().isAfter(jour.minusYears(14)) ? 0.3 : 0.5;
        }
        BigDecimal reste = ressources.subtract(l.depense()).divide(BigDecimal.valueOf(uc), 2, RoundingMode.HALF_UP);
        if (reste.compareTo(new BigDecimal("300")) < 0) {
            return null;
        }
        Handicap h = d.handicap();
        if (h.fauteuilRoulant() && !l.accessibilite().equals("ADAPTE")) {
            return null;
        }
        if (h.mobiliteReduite() && l.accessibilite().equals("NON") && l.etage() != 0 && !l.ascenseur()) {
            return null;
        }
        if (lr.rezDeChaussee() && l.etage() != 0) {
            return null;
        }
        if (lr.ascenseur() && l.etage() > 0 && !l.ascenseur()) {
            return null;
        }
        return new Attendu(numero, depot, dalo, priorites(d).size());
    }

    /** The legal priority categories of a dossier, by the test's reading of the rules. */
    static Set<String> priorites(Dossier d) {
        Set<String> p = new java.util.HashSet<>();
        StatutLogement s = d.logementActuel().statut();
        if (d.handicap().personneHandicapee() || d.motifs().contains(Motif.HANDICAP)) {
            p.add("HANDICAP");
        }
        if (EnumSet.of(StatutLogement.SANS_ABRI, StatutLogement.HOTEL, StatutLogement.CAMPING_CARAVANE).contains(s)
                || d.motifs().contains(Motif.SANS_LOGEMENT)) {
            p.add("SANS_LOGEMENT");
        }
        if (EnumSet.of(StatutLogement.HEBERGE_FAMILLE, StatutLogement.HEBERGE_TIERS, StatutLogement.FOYER,
                StatutLogement.RESIDENCE_SOCIALE).contains(s) || d.motifs().contains(Motif.HEBERGE)) {
            p.add("HEBERGE");
        }
        if (d.motifs().contains(Motif.VIOLENCES_FAMILIALES)) {
            p.add("VIOLENCES");
        }
        if (d.motifs().contains(Motif.LOGEMENT_INDIGNE)) {
            p.add("LOGEMENT_INDIGNE");
        }
        return p;
    }

    /** The shipped ranking: DALO first, then more priorities, then cotation (none yet), then the older demand. */
    static final java.util.Comparator<Attendu> CLASSEMENT = java.util.Comparator
            .comparing((Attendu a) -> !a.dalo())
            .thenComparing(a -> -a.priorites())
            .thenComparing(Attendu::depot)
            .thenComparing(Attendu::numero);
}
