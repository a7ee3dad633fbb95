package org.registrehub.bench.donnees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.registrehub.api.Attribution;
import org.registrehub.api.Beneficiaire;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contact;
import org.registrehub.api.Demande;
import org.registrehub.api.Dossier;
import org.registrehub.api.Handicap;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Motif;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Radiation;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationFamiliale;
import org.registrehub.api.SituationProfessionnelle;
import org.registrehub.api.Statut;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.TypeRessource;
import org.registrehub.api.Typologie;

/**
 * Realistic synthetic demands, reproducible from a seed: French names, communes and EPCI of real départements, the
 * typology mix of the pending demands of DOMAIN.md (Chambre 1.35 %, T1 9.85 %, T2 30.4 %, T3 34.2 %, T4 20.3 %,
 * T5 3.6 %, T6+ 0.3 %), household sizes consistent with the typology, plausible incomes, and histories (filing over
 * several years, yearly renewals, radiations with the reasons mix of the Nord-Pas-de-Calais table: attribution 43 %,
 * non-renouvellement 55 %, abandon 1.8 %, irrecevabilité and non-réponse the rest). Numéros follow the national
 * format, one sequence per territory and month, as the hub allocates them.
 */
public final class GenerateurDemandes {

    private static final String[] NOMS = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre",
        "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
        "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
        "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour",
        "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
        "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
        "Le Goff", "Le Gall", "Le Roux", "Kerbrat", "Hamon", "Benali", "Haddad", "Diallo", "Nguyen", "Ferreira",
        "Da Silva", "Dos Santos", "Lemaître", "Delattre", "Vandenbussche", "Deconinck", "Dewaele", "Lebrun"};
    /** Cumulated weights of {@link #NOMS}: rank r weighs 1/sqrt(r). */
    private static final double[] POIDS_NOMS_FREQUENTS = new double[NOMS.length];

    static {
        double cumul = 0;
        for (int r = 0; r < NOMS.length; r++) {
            cumul += 1 / Math.sqrt(r + 1);
            POIDS_NOMS_FREQUENTS[r] = cumul;
        }
    }

    private static final String[] DEBUTS = {"Ber", "Bou", "Cha", "Dal", "Fer", "Gar", "Gil", "Lam", "Mar", "Mor",
        "Pel", "Ri", "Ro", "Sau", "Tal", "Val", "Bel", "Cor", "Dur", "Fou", "Gué", "Jou", "Lan", "Mal", "Nor", "Pou",
        "Quer", "Rab", "Ser", "Thé", "Ver", "Kers"};
    private static final String[] MILIEUX = {"", "an", "ou", "il", "er", "ab", "és", "ig"};
    private static final String[] FINS = {"ard", "eau", "et", "ier", "in", "on", "ot", "ault", "eux", "and", "at",
        "ec", "elle", "ès", "ic", "oux", "ul", "aud", "ain", "esse", "ouin", "asse", "é", "ez"};
    private static final String[] PARTICULES = {"", "Le ", "De ", "Du "};
    private static final int NOMS_RARES = 32 * 8 * 24 * 4;

    private static final String[] PRENOMS_F = {"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie",
        "Julie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Sarah", "Laura", "Céline", "Aurélie", "Émilie",
        "Fatima", "Aïcha", "Inès", "Océane", "Amandine", "Valérie", "Sandrine", "Christine", "Nadia", "Élodie"};
    private static final String[] PRENOMS_M = {"Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas",
        "Christophe", "Laurent", "Julien", "Thomas", "Maxime", "Lucas", "Hugo", "Théo", "Kevin", "Mohamed",
        "Karim", "Yannick", "Sébastien", "Olivier", "Franck", "Rachid", "Mickaël", "Jérôme", "Loïc", "Gaël"};
    private static final Typologie[] TYPOLOGIES = Typologie.values();
    /** Per 10 000 pending demands (DOMAIN.md). */
    private static final int[] POIDS_TYPOLOGIE = {135, 985, 3040, 3420, 2030, 360, 30};

    private final SplittableRandom alea;
    private final LocalDate aujourdhui;
    private final int anneesHistoire;
    private final Map<String, Integer> sequences = new HashMap<>();

    /**
     * @param graine         seed: the same seed gives the same demands
     * @param aujourdhui     the generated register's "today"
     * @param anneesHistoire how many years back filings go
     */
    public GenerateurDemandes(long graine, LocalDate aujourdhui, int anneesHistoire) {
        this.alea = new SplittableRandom(graine);
        this.aujourdhui = aujourdhui;
        this.anneesHistoire = anneesHistoire;
    }

    /** The last sequence used per territory and month ({@code 044/1126}), to seed the hub's counters after a load. */
    public Map<String, Integer> sequences() {
        return Map.copyOf(sequences);
    }

    public Demande suivante() {
        Territoires.Departement departement = choisirDepartement();
        Typologie typologie = typologie();
        int taille = tailleMenage(typologie);
        LocalDate depot = aujourdhui.minusDays(alea.nextInt(anneesHistoire * 365));
        Dossier dossier = dossier(departement, typologie, taille, depot);
        String moisAnnee = String.format("%02d%02d", depot.getMonthValue(), depot.getYear() % 100);
        int sequence = sequences.merge(departement.code() + "/" + moisAnnee, 1, Integer::sum);
        String guichet = String.format("G%s%02d", departement.code().substring(1), 1 + alea.nextInt(40));
        String numero = departement.code() + moisAnnee + String.format("%06d", sequence) + guichet;
        return histoire(numero, guichet, departement.code(), depot, dossier);
    }

    /** Yearly renewals, and a radiation for the demands that left the register. */
    private Demande histoire(String numero, String guichet, String territoire, LocalDate depot, Dossier dossier) {
        LocalDate validite = depot.plusYears(1);
        LocalDate renouvellement = null;
        long version = 0;
        while (!validite.isAfter(aujourdhui) && alea.nextInt(100) < 75) {
            renouvellement = validite.minusDays(alea.nextInt(40));
            validite = renouvellement.plusYears(1);
            version++;
        }
        if (!validite.isAfter(aujourdhui)) {
            return new Demande(numero, Statut.RADIEE, guichet, territoire, depot, validite, renouvellement,
                    new Radiation(MotifRadiation.NON_RENOUVELLEMENT, validite.plusDays(1), null, null, null),
                    version + 1, dossier);
        }
        int tirage = alea.nextInt(1000);
        if (tirage < 140) {
            LocalDate date = depot.plusDays(alea.nextInt((int) Math.max(1, aujourdhui.toEpochDay() - depot.toEpochDay())));
            Radiation radiation = tirage < 125
                    ? new Radiation(MotifRadiation.ATTRIBUTION, date, new Attribution("Bailleur " + (1 + alea.nextInt(12)),
                            "RPLS" + (100000 + alea.nextInt(900000)), alea.nextBoolean() ? "ETAT" : "ACTION_LOGEMENT",
                            alea.nextInt(100) < 6), null, null)
                    : tirage < 136 ? new Radiation(MotifRadiation.ABANDON, date, null, null, null)
                    : tirage < 138 ? new Radiation(MotifRadiation.IRRECEVABILITE, date, null,
                            MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, null)
                    : new Radiation(MotifRadiation.NON_REPONSE, date, null, null, null);
            return new Demande(numero, Statut.RADIEE, guichet, territoire, depot, validite, renouvellement, radiation,
                    version + 1, dossier);
        }
        return new Demande(numero, Statut.ACTIVE, guichet, territoire, depot, validite, renouvellement, null, version,
                dossier);
    }

    private Dossier dossier(Territoires.Departement departement, Typologie typologie, int taille, LocalDate depot) {
        boolean couple = taille >= 2 && alea.nextInt(100) < 55;
        Sexe sexe = alea.nextInt(100) < 62 ? Sexe.F : Sexe.M;
        LocalDate naissance = depot.minusYears(18 + alea.nextInt(62)).minusDays(alea.nextInt(365));
        String nom = nomDeFamille();
        Personne demandeur = personne(nom, sexe, naissance);
        CoDemandeur co = couple ? new CoDemandeur(personne(alea.nextInt(100) < 70 ? nom : nomDeFamille(),
                sexe == Sexe.F ? Sexe.M : Sexe.F, naissance.plusDays(alea.nextInt(3000) - 1500)),
                alea.nextBoolean() ? LienCoDemandeur.CONJOINT : LienCoDemandeur.CONCUBIN) : null;
        List<PersonneACharge> enfants = new ArrayList<>();
        for (int i = 0; i < taille - (couple ? 2 : 1); i++) {
            Sexe s = alea.nextBoolean() ? Sexe.F : Sexe.M;
            enfants.add(new PersonneACharge(nom, choisir(s == Sexe.F ? PRENOMS_F : PRENOMS_M),
                    depot.minusDays(alea.nextInt(17 * 365)), s, LienParente.ENFANT));
        }
        List<Ressource> ressources = new ArrayList<>();
        ressources.add(ressource(Beneficiaire.DEMANDEUR, demandeur.situationProfessionnelle()));
        if (co != null) {
            ressources.add(ressource(Beneficiaire.CO_DEMANDEUR, co.personne().situationProfessionnelle()));
        }
        if (!enfants.isEmpty()) {
            ressources.add(new Ressource(Beneficiaire.DEMANDEUR, null, TypeRessource.AF,
                    new BigDecimal(enfants.size() >= 2 ? 140 * (enfants.size() - 1) : 0)));
        }
        int mensuel = ressources.stream().mapToInt(r -> r.montantMensuel().intValue()).sum();
        Territoires.Commune premiere = choisirCommune(departement);
        List<String> communes = new ArrayList<>(List.of(premiere.insee()));
        for (Territoires.Commune c : departement.communes()) {
            if (communes.size() < 1 + alea.nextInt(4) && !communes.contains(c.insee())
                    && c.epci().equals(premiere.epci())) {
                communes.add(c.insee());
            }
        }
        List<Typologie> typologies = new ArrayList<>(List.of(typologie));
        if (typologie.ordinal() + 1 < TYPOLOGIES.length && alea.nextInt(100) < 45) {
            typologies.add(TYPOLOGIES[typologie.ordinal() + 1]);
        }
        StatutLogement statut = alea.nextInt(100) < 33 ? StatutLogement.LOCATAIRE_HLM
                : choisir(new StatutLogement[] {StatutLogement.LOCATAIRE_PRIVE, StatutLogement.HEBERGE_FAMILLE,
                    StatutLogement.HEBERGE_TIERS, StatutLogement.FOYER, StatutLogement.SANS_ABRI,
                    StatutLogement.SOUS_LOCATAIRE, StatutLogement.PROPRIETAIRE});
        Motif motif = switch (statut) {
            case LOCATAIRE_HLM -> alea.nextBoolean() ? Motif.LOGEMENT_TROP_PETIT : Motif.LOGEMENT_TROP_CHER;
            case HEBERGE_FAMILLE, HEBERGE_TIERS -> Motif.HEBERGE;
            case SANS_ABRI, FOYER -> Motif.SANS_LOGEMENT;
            default -> choisir(new Motif[] {Motif.LOGEMENT_TROP_CHER, Motif.DIVORCE_SEPARATION,
                Motif.RAPPROCHEMENT_TRAVAIL, Motif.LOGEMENT_INDIGNE});
        };
        return new Dossier(demandeur, co, enfants,
                new Contact((1 + alea.nextInt(120)) + " rue " + choisir(new String[] {"de la République", "Jean Jaurès",
                    "Victor Hugo", "des Écoles", "du Moulin", "Pasteur"}), departement.code().substring(1) + "000",
                        premiere.nom(),
                        alea.nextInt(100) < 80 ? "06" + (10000000 + alea.nextInt(89999999)) : null,
                        alea.nextInt(100) < 60 ? "demandeur" + alea.nextInt(1_000_000) + "@example.org" : null),
                couple ? SituationFamiliale.MARIE : choisir(new SituationFamiliale[] {SituationFamiliale.CELIBATAIRE,
                    SituationFamiliale.DIVORCE, SituationFamiliale.SEPARE, SituationFamiliale.VEUF}),
                ressources, alea.nextInt(100) < 85 ? new RevenuFiscal(mensuel * 11, null) : null,
                new LogementActuel(statut, statut == StatutLogement.LOCATAIRE_HLM || statut == StatutLogement.LOCATAIRE_PRIVE
                        ? new BigDecimal(300 + alea.nextInt(600)) : null, null, null, Math.max(1, taille
                        - (alea.nextInt(100) < 20 ? 1 : 0))),
                List.of(motif), new LogementRecherche(typologies, communes,
                        new BigDecimal(mensuel).multiply(new BigDecimal("0.3")).setScale(0, RoundingMode.HALF_UP),
                        alea.nextInt(100) < 10, alea.nextInt(100) < 5, alea.nextInt(100) < 30),
                alea.nextInt(100) < 8 ? new Handicap(true, alea.nextBoolean(), alea.nextInt(100) < 20, null) : null);
    }

    private Personne personne(String nom, Sexe sexe, LocalDate naissance) {
        SituationProfessionnelle sp = choisir(new SituationProfessionnelle[] {SituationProfessionnelle.CDI,
            SituationProfessionnelle.CDI, SituationProfessionnelle.CDD, SituationProfessionnelle.INTERIM,
            SituationProfessionnelle.CHOMEUR, SituationProfessionnelle.RETRAITE, SituationProfessionnelle.SANS_ACTIVITE,
            SituationProfessionnelle.ETUDIANT});
        return new Personne(nom, choisir(sexe == Sexe.F ? PRENOMS_F : PRENOMS_M), naissance, null, sexe, "française",
                null, sp, null);
    }

    private Ressource ressource(Beneficiaire b, SituationProfessionnelle sp) {
        return switch (sp) {
            case CDI, CDD, INTERIM -> new Ressource(b, null, TypeRessource.SAL, new BigDecimal(900 + alea.nextInt(1500)));
            case CHOMEUR -> new Ressource(b, null, TypeRessource.CHO, new BigDecimal(600 + alea.nextInt(700)));
            case RETRAITE -> new Ressource(b, null, TypeRessource.RET, new BigDecimal(700 + alea.nextInt(1100)));
            case ETUDIANT -> new Ressource(b, null, TypeRessource.BE, new BigDecimal(200 + alea.nextInt(400)));
            default -> new Ressource(b, null, TypeRessource.RSA, new BigDecimal(560 + alea.nextInt(200)));
        };
    }

    private Typologie typologie() {
        int tirage = alea.nextInt(10_000);
        for (int i = 0; i < POIDS_TYPOLOGIE.length; i++) {
            tirage -= POIDS_TYPOLOGIE[i];
            if (tirage < 0) {
                return TYPOLOGIES[i];
            }
        }
        return Typologie.T3;
    }

    /** Household sizes that fit the typology wished (a T2 for 1-3 people, a T4 for 3-6...). */
    private int tailleMenage(Typologie t) {
        return switch (t) {
            case CHAMBRE, T1 -> 1;
            case T2 -> 1 + alea.nextInt(3);
            case T3 -> 2 + alea.nextInt(3);
            case T4 -> 3 + alea.nextInt(4);
            case T5 -> 5 + alea.nextInt(3);
            case T6_PLUS -> 7 + alea.nextInt(4);
        };
    }

    private Territoires.Departement choisirDepartement() {
        int total = Territoires.DEPARTEMENTS.stream().mapToInt(Territoires.Departement::poids).sum();
        int tirage = alea.nextInt(total);
        for (Territoires.Departement d : Territoires.DEPARTEMENTS) {
            tirage -= d.poids();
            if (tirage < 0) {
                return d;
            }
        }
        return Territoires.DEPARTEMENTS.get(0);
    }

    private Territoires.Commune choisirCommune(Territoires.Departement d) {
        int total = d.communes().stream().mapToInt(Territoires.Commune::poids).sum();
        int tirage = alea.nextInt(total);
        for (Territoires.Commune c : d.communes()) {
            tirage -= c.poids();
            if (tirage < 0) {
                return c;
            }
        }
        return d.communes().get(0);
    }

    /**
     * Family names as skewed as in France: the frequent names above (6 % of people, the first ones most, so that
     * Martin is about 0.3 %), then a long tail of 24 576 other names built from French syllables, a few of them
     * common and most rare. A search by name then meets both a name shared by thousands of demands and a name
     * carried by a handful.
     */
    String nomDeFamille() {
        if (alea.nextInt(1000) < 60) {
            double tirage = alea.nextDouble() * POIDS_NOMS_FREQUENTS[POIDS_NOMS_FREQUENTS.length - 1];
            int rang = java.util.Arrays.binarySearch(POIDS_NOMS_FREQUENTS, tirage);
            return NOMS[rang >= 0 ? rang : -rang - 1];
        }
        int i = (int) (NOMS_RARES * Math.pow(alea.nextDouble(), 1.5));
        String nom = DEBUTS[i % DEBUTS.length] + MILIEUX[i / DEBUTS.length % MILIEUX.length]
                + FINS[i / (DEBUTS.length * MILIEUX.length) % FINS.length];
        String particule = PARTICULES[i / (DEBUTS.length * MILIEUX.length * FINS.length) % PARTICULES.length];
        return particule.isEmpty() ? nom : particule + nom.substring(0, 1).toUpperCase() + nom.substring(1);
    }

    private <T> T choisir(T[] valeurs) {
        return valeurs[alea.nextInt(valeurs.length)];
    }
}
