package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Personne;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.RegistreService;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.SituationProfessionnelle;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.Typologie;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneDelai;
import org.registrehub.api.statistiques.LigneQualite;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.PlafondsRessources;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.TableauDelais;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.PersonneBuilder;

/**
 * Breakdowns, délais anormalement longs and data-quality indicators of the pending demands against an independent
 * count: 40 demands of varied households, incomes, typologies and filing dates registered through the real register
 * (some then degraded in the database as a legacy import would leave them), and each figure recomputed here in Java
 * from the demands read back, with the definitions written down again.
 */
public class StatistiquesDemandesTest extends BaseDeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 6, 15);
    private static final String[][] LIEUX = {{"044", "44109", "G1104"}, {"085", "85191", "G8501"},
        {"075", "75056", "G7501"}};

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);
    private RegistreService registre;
    private StatistiquesServiceImpl statistiques;
    private final List<String> numeros = new ArrayList<>();
    private String reactivee;

    @Before
    public void setUp() {
        registre = registre(horloge);
        statistiques = new StatistiquesServiceImpl(statistiquesStore, horloge, ReglesStatistiques.lire(Map.of(
                "delaiAnormalementLong.mois", "36", "delaiAnormalementLong.044.mois", "24",
                "delaiAnormalementLong.044.T5.mois", "12")));
    }

    private static String nom(int i) {
        return "Stat" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
    }

    /** Demand i: its household, income, typology and place vary with i; filed between 11 years and 1 week ago. */
    private Dossier dossier(int i) {
        Dossier d = Exemples.dossier(nom(i));
        String[] lieu = LIEUX[i % 3];
        List<PersonneACharge> enfants = new ArrayList<>();
        for (int k = 0; k < i % 5; k++) {
            enfants.add(new PersonneACharge(nom(i), "Enfant" + (char) ('a' + k), LocalDate.of(2015, 1, 1),
                    Sexe.F, LienParente.ENFANT));
        }
        CoDemandeur co = i % 2 == 0 ? new CoDemandeur(new Personne("Conjoint", "Co", LocalDate.of(1980, 1, 1),
                "Nantes", Sexe.M, "française", null, SituationProfessionnelle.CDI, null), LienCoDemandeur.CONJOINT)
                : null;
        LogementRecherche l = d.logementRecherche();
        return DossierBuilder.builder(d)
                .demandeur(PersonneBuilder.builder(d.demandeur()).nir(null).dateNaissance(LocalDate.of(1940 + i * 2 % 60,
                        1 + i % 12, 1 + i % 28)).build())
                .coDemandeur(co).personnesACharge(enfants)
                .ressources(i % 4 == 0 ? List.of(d.ressources().get(0), new org.registrehub.api.Ressource(
                        org.registrehub.api.Beneficiaire.DEMANDEUR, null, org.registrehub.api.TypeRessource.AUT,
                        BigDecimal.ZERO)) : List.of(d.ressources().get(0)))
                .revenuFiscal(i % 5 == 0 ? null : new RevenuFiscal(8_000 + i * 1_900, null))
                .logementActuel(new LogementActuel(i % 3 == 0 ? StatutLogement.LOCATAIRE_HLM
                        : StatutLogement.LOCATAIRE_PRIVE, new BigDecimal("500"), 40, Typologie.T2, 2))
                .logementRecherche(new LogementRecherche(List.of(Typologie.values()[i % 7]), List.of(lieu[1]),
                        l.loyerMax(), false, false, false))
                .build();
    }

    private void generer() {
        int n = 40;
        for (int i = 0; i < n; i++) {
            // filed i * 100 days before today, at most 11 years ago
            horloge.jour(AUJOURDHUI.minusDays(7 + (long) i * 100).toString());
            Demande d = registre.enregistrer(new NouvelleDemande(LIEUX[i % 3][2], dossier(i)), GESTIONNAIRE);
            numeros.add(d.numeroUnique());
        }
        // a demand filed 13 months ago, radiated for non-renewal and reactivated a week ago
        horloge.jour(AUJOURDHUI.minusMonths(13).toString());
        Demande d = registre.enregistrer(new NouvelleDemande("G1104", dossier(40)), GESTIONNAIRE);
        horloge.jour(AUJOURDHUI.minusDays(14).toString());
        d = registre.radier(d.numeroUnique(), d.version(), new DemandeRadiation(MotifRadiation.NON_RENOUVELLEMENT,
                null, null, null), GESTIONNAIRE);
        horloge.jour(AUJOURDHUI.minusDays(7).toString());
        registre.reactiver(d.numeroUnique(), d.version(), GESTIONNAIRE);
        reactivee = d.numeroUnique();
        numeros.add(reactivee);
        // an abandoned one: not pending, counted nowhere
        horloge.jour(AUJOURDHUI.minusDays(20).toString());
        Demande abandon = registre.enregistrer(new NouvelleDemande("G1104", dossier(41)), GESTIONNAIRE);
        registre.radier(abandon.numeroUnique(), abandon.version(), new DemandeRadiation(MotifRadiation.ABANDON, null,
                null, null), GESTIONNAIRE);
        horloge.jour(AUJOURDHUI.toString());
        // what a legacy import leaves: no email, no phone, no resources, a commune of another département, a
        // birth date of a child, no professional situation, no current housing, no motive, a duplicate identity
        db.count("WITH u AS (UPDATE demande SET dossier = dossier #- '{contact,email}' WHERE numero_unique IN ("
                + liste(1, 5, 9, 13) + ") RETURNING 1) SELECT count(*) FROM u");
        db.count("WITH u AS (UPDATE demande SET dossier = jsonb_set(dossier, '{contact,telephone}', 'null')"
                + " WHERE numero_unique IN (" + liste(2, 5) + ") RETURNING 1) SELECT count(*) FROM u");
        db.count("WITH u AS (UPDATE demande SET dossier = jsonb_set(dossier, '{ressources}', '[]')"
                + " WHERE numero_unique IN (" + liste(3, 6, 7) + ") RETURNING 1) SELECT count(*) FROM u");
        db.count("WITH u AS (UPDATE demande SET commune = '49007' WHERE numero_unique IN (" + liste(4)
                + ") RETURNING 1) SELECT count(*) FROM u");
        db.count("WITH u AS (UPDATE demande SET date_naissance = DATE '2015-05-05' WHERE numero_unique IN ("
                + liste(8) + ") RETURNING 1) SELECT count(*) FROM u");
        db.count("WITH u AS (UPDATE demande SET dossier = dossier #- '{demandeur,situationProfessionnelle}'"
                + " #- '{logementActuel}' #- '{motifs}' WHERE numero_unique IN (" + liste(10, 11)
                + ") RETURNING 1) SELECT count(*) FROM u");
        db.count("WITH u AS (UPDATE demande d SET nom = s.nom, prenoms = s.prenoms, date_naissance = s.date_naissance"
                + " FROM demande s WHERE s.numero_unique = '" + numeros.get(12) + "' AND d.numero_unique = '"
                + numeros.get(14) + "' RETURNING 1) SELECT count(*) FROM u");
    }

    private String liste(int... indices) {
        StringBuilder sb = new StringBuilder();
        for (int i : indices) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(numeros.get(i)).append('\'');
        }
        return sb.toString();
    }

    /** The pending demands as read back, with the columns a legacy import may have changed. */
    private record Lue(Demande demande, String commune, LocalDate naissance, String identite) {
    }

    private List<Lue> actives() {
        List<Lue> lues = new ArrayList<>();
        for (String numero : numeros) {
            Demande d = registre.consulter(numero, GESTIONNAIRE).orElseThrow();
            if (d.statut() == org.registrehub.api.Statut.ACTIVE) {
                String commune = db.text("select commune from demande where numero_unique = '" + numero + "'");
                LocalDate naissance = LocalDate.parse(db.text("select date_naissance::text from demande"
                        + " where numero_unique = '" + numero + "'"));
                lues.add(new Lue(d, commune, naissance, db.text("select identite || date_naissance from demande"
                        + " where numero_unique = '" + numero + "'")));
            }
        }
        return lues;
    }

    private static int taille(Dossier d) {
        return 1 + (d.coDemandeur() == null ? 0 : 1) + (d.personnesACharge() == null ? 0 : d.personnesACharge().size());
    }

    /** The modality of a demand, written again from the definitions of {@link Dimension}. */
    private static String modalite(Dimension dimension, Lue l) {
        Dossier d = l.demande().dossier();
        int taille = taille(d);
        int pac = d.personnesACharge() == null ? 0 : d.personnesACharge().size();
        return switch (dimension) {
            case TYPOLOGIE -> d.logementRecherche().typologies().get(0).name();
            case TAILLE_MENAGE -> taille >= 6 ? "6+" : String.valueOf(taille);
            case COMPOSITION -> d.coDemandeur() != null ? (pac > 0 ? "DEUX_DEMANDEURS_AVEC_PERSONNES_A_CHARGE"
                    : "DEUX_DEMANDEURS_SANS_PERSONNE_A_CHARGE") : pac > 0 ? "SEUL_AVEC_PERSONNES_A_CHARGE"
                    : "PERSONNE_SEULE";
            case AGE -> {
                int age = Period.between(l.naissance(), AUJOURDHUI).getYears();
                yield age < 25 ? "MOINS_DE_25" : age < 30 ? "25_29" : age < 40 ? "30_39" : age < 50 ? "40_49"
                        : age < 65 ? "50_64" : "65_ET_PLUS";
            }
            case REVENU_PLAFOND -> {
                if (d.revenuFiscal() == null || d.revenuFiscal().anneeN2() == null) {
                    yield "INCONNU";
                }
                PlafondsRessources p = ReglesStatistiques.PLAFONDS_2024;
                boolean idf = l.demande().territoire().equals("075");
                List<Long> bareme = idf ? p.ileDeFrance() : p.autresRegions();
                double plafond = bareme.get(Math.min(taille, 6) - 1) + Math.max(taille - 6, 0)
                        * (idf ? p.supplementIleDeFrance() : p.supplementAutresRegions());
                double ratio = d.revenuFiscal().anneeN2() / plafond;
                yield ratio <= 0.6 ? "JUSQU_A_60" : ratio <= 1 ? "60_A_100" : ratio <= 1.3 ? "100_A_130"
                        : "PLUS_DE_130";
            }
            case MUTATION -> d.mutation() ? "MUTATION" : "HORS_MUTATION";
            case ANCIENNETE -> {
                int annees = Period.between(l.demande().dateDepot(), AUJOURDHUI).getYears();
                yield annees < 1 ? "MOINS_DE_1_AN" : annees < 2 ? "1_A_2_ANS" : annees < 3 ? "2_A_3_ANS"
                        : annees < 5 ? "3_A_5_ANS" : annees < 10 ? "5_A_10_ANS" : "10_ANS_ET_PLUS";
            }
        };
    }

    /**
     * The active demands counted by identity and by NIR (the probable duplicates) follow every write — one row or many
     * in a statement, an identity or NIR changed, a radiation, a reactivation, a deletion — and equal a count of the
     * demands themselves.
     */
    @Test
    public void comptesDIdentiteEtDeNirSuiventChaqueEcriture() {
        generer();
        String identites = "SELECT identite || ' ' || date_naissance || ' ' || n FROM stat_doublon_identite"
                + " WHERE n <> 0 ORDER BY 1";
        String identitesAttendues = "SELECT identite || ' ' || date_naissance || ' ' || count(*) FROM demande"
                + " WHERE statut = 'ACTIVE' GROUP BY identite, date_naissance ORDER BY 1";
        String nirs = "SELECT nir || ' ' || n FROM stat_doublon_nir WHERE n <> 0 ORDER BY 1";
        String nirsAttendus = "SELECT nir || ' ' || count(*) FROM demande WHERE statut = 'ACTIVE' AND nir IS NOT NULL"
                + " GROUP BY nir ORDER BY 1";
        Runnable verifier = () -> {
            assertEquals(db.texts(identitesAttendues), db.texts(identites));
            assertEquals(db.texts(nirsAttendus), db.texts(nirs));
        };
        verifier.run();
        assertEquals(41, db.count("SELECT coalesce(sum(n), 0) FROM stat_doublon_identite"));
        // three demands take the first one's identity in one statement, two others one NIR
        db.execute("UPDATE demande d SET nom = p.nom, prenoms = p.prenoms, date_naissance = p.date_naissance"
                + " FROM demande p WHERE p.numero_unique = '" + numeros.get(0) + "' AND d.numero_unique IN ('"
                + numeros.get(1) + "', '" + numeros.get(2) + "', '" + numeros.get(3) + "')");
        db.execute("UPDATE demande SET nir = '185057800608491' WHERE numero_unique IN ('" + numeros.get(4) + "', '"
                + numeros.get(5) + "')");
        verifier.run();
        assertEquals(4, db.count("SELECT max(n) FROM stat_doublon_identite"));
        assertEquals(2, db.count("SELECT n FROM stat_doublon_nir WHERE nir = '185057800608491'"));
        // a change that keeps the identity moves no count; a radiation and a deletion take theirs away
        db.execute("UPDATE demande SET typologie = 'T4' WHERE numero_unique = '" + numeros.get(0) + "'");
        db.execute("UPDATE demande SET statut = 'RADIEE', motif_radiation = 'ABANDON', date_radiation = DATE '"
                + AUJOURDHUI + "' WHERE numero_unique IN ('" + numeros.get(1) + "', '" + numeros.get(4) + "')");
        db.execute("DELETE FROM demande_historique WHERE numero_unique = '" + numeros.get(2) + "'");
        db.execute("DELETE FROM demande WHERE numero_unique = '" + numeros.get(2) + "'");
        verifier.run();
        assertEquals(2, db.count("SELECT max(n) FROM stat_doublon_identite"));
        assertEquals(1, db.count("SELECT n FROM stat_doublon_nir WHERE nir = '185057800608491'"));
        // back to active: counted again
        db.execute("UPDATE demande SET statut = 'ACTIVE', motif_radiation = NULL, date_radiation = NULL"
                + " WHERE numero_unique = '" + numeros.get(1) + "'");
        verifier.run();
        assertEquals(3, db.count("SELECT max(n) FROM stat_doublon_identite"));
        // a bulk load's rebuild counts the same
        db.count("SELECT stat_stock_reconstruire()");
        verifier.run();
    }

    @Test
    public void repartitionsDelaisEtQualiteContreUnComptageIndependant() {
        generer();
        List<Lue> actives = actives();
        assertEquals(41, actives.size());
        // the counts by département wait in their changes until folded: the same figures before and after
        assertTrue(db.count("select count(*) from stat_stock_ecart") > 0);
        Repartition avant = statistiques.repartition(Dimension.COMPOSITION, Granularite.DEPARTEMENT, GESTIONNAIRE);
        assertEquals(0, db.count("select count(*) from stat_stock_ecart"));
        db.count("WITH u AS (UPDATE demande SET typologie = typologie WHERE numero_unique = '" + numeros.get(0)
                + "' RETURNING 1) SELECT count(*) FROM u");
        assertEquals(avant, statistiques.repartition(Dimension.COMPOSITION, Granularite.DEPARTEMENT, GESTIONNAIRE));
        assertEquals(41, db.count("select coalesce(sum(n), 0) from stat_stock where dimension = 'TYPOLOGIE'"));

        // every dimension, by département and by guichet; read all together (a report's way: the pending demands
        // scanned once for the age, the income and the seniority) as read alone
        for (Granularite g : List.of(Granularite.DEPARTEMENT, Granularite.GUICHET)) {
            List<Repartition> ensemble = statistiques.repartitions(List.of(Dimension.values()), g, GESTIONNAIRE);
            for (Dimension dimension : Dimension.values()) {
                assertEquals(dimension + " par " + g, statistiques.repartition(dimension, g, GESTIONNAIRE),
                        ensemble.get(dimension.ordinal()));
            }
        }
        for (Dimension dimension : Dimension.values()) {
            for (Granularite g : List.of(Granularite.DEPARTEMENT, Granularite.GUICHET)) {
                Function<Lue, String> groupe = g == Granularite.DEPARTEMENT ? l -> l.demande().territoire()
                        : l -> l.demande().guichet();
                Map<String, Map<String, Long>> attendu = new TreeMap<>();
                for (Lue l : actives) {
                    attendu.computeIfAbsent(groupe.apply(l), x -> new TreeMap<>()).merge(modalite(dimension, l), 1L,
                            Long::sum);
                }
                Repartition r = statistiques.repartition(dimension, g, GESTIONNAIRE);
                Map<String, Map<String, Long>> obtenu = new TreeMap<>();
                for (LigneRepartition ligne : r.lignes()) {
                    Map<String, Long> nonNuls = new TreeMap<>(ligne.effectifs());
                    nonNuls.values().removeIf(v -> v == 0);
                    obtenu.put(ligne.code(), nonNuls);
                    assertEquals(dimension.modalites().size(), ligne.effectifs().size());
                }
                assertEquals(dimension + " par " + g, attendu, obtenu);
                assertEquals(41, r.total().total());
            }
        }
        assertTrue("plusieurs tranches de revenu", statistiques.repartition(Dimension.REVENU_PLAFOND,
                Granularite.REGION, GESTIONNAIRE).total().effectifs().values().stream().filter(v -> v > 0).count() >= 3);

        // délais anormalement longs: 24 months in the 44 (12 for a T5 there), 36 elsewhere
        TableauDelais delais = statistiques.delaisAnormalementLongs(GESTIONNAIRE);
        Map<String, long[]> attendu = new TreeMap<>();
        for (Lue l : actives) {
            String typologie = modalite(Dimension.TYPOLOGIE, l);
            String departement = l.demande().territoire();
            int seuil = departement.equals("044") ? (typologie.equals("T5") ? 12 : 24) : 36;
            long[] v = attendu.computeIfAbsent(departement + " " + typologie + " " + seuil, k -> new long[2]);
            v[0]++;
            if (!l.demande().dateDepot().isAfter(AUJOURDHUI.minusMonths(seuil))) {
                v[1]++;
            }
        }
        Map<String, long[]> obtenu = new TreeMap<>();
        for (LigneDelai l : delais.lignes()) {
            obtenu.put(l.departement() + " " + l.typologie() + " " + l.seuilMois(), new long[] {l.enAttente(),
                l.auDela()});
        }
        assertEquals(attendu.keySet(), obtenu.keySet());
        attendu.forEach((k, v) -> assertEquals(k, java.util.Arrays.toString(v), java.util.Arrays.toString(
                obtenu.get(k))));
        assertTrue(delais.total().auDela() > 0 && delais.total().auDela() < 41);
        assertEquals(3, delais.parDepartement().size());

        // data quality, every indicator, per guichet
        Map<IndicateurQualite, BiPredicate<Lue, Dossier>> definitions = new HashMap<>();
        definitions.put(IndicateurQualite.REVENUS_ABSENTS, (l, d) -> d.ressources() == null || d.ressources().isEmpty());
        definitions.put(IndicateurQualite.REVENU_FISCAL_ABSENT, (l, d) -> d.revenuFiscal() == null
                || d.revenuFiscal().anneeN2() == null);
        definitions.put(IndicateurQualite.RESSOURCE_SANS_MONTANT, (l, d) -> d.ressources() != null && d.ressources()
                .stream().anyMatch(r -> r.montantMensuel() == null || r.montantMensuel().signum() == 0));
        definitions.put(IndicateurQualite.NIR_ABSENT, (l, d) -> d.demandeur().nir() == null);
        definitions.put(IndicateurQualite.COURRIEL_ABSENT, (l, d) -> d.contact() == null
                || d.contact().email() == null || d.contact().email().isBlank());
        definitions.put(IndicateurQualite.TELEPHONE_ABSENT, (l, d) -> d.contact() == null
                || d.contact().telephone() == null || d.contact().telephone().isBlank());
        definitions.put(IndicateurQualite.ADRESSE_INCOMPLETE, (l, d) -> d.contact() == null
                || d.contact().adresse() == null || d.contact().codePostal() == null || d.contact().ville() == null);
        definitions.put(IndicateurQualite.COMMUNE_INVALIDE, (l, d) -> !("0" + l.commune().substring(0, 2))
                .equals(l.demande().territoire()) || l.commune().endsWith("000"));
        definitions.put(IndicateurQualite.TYPOLOGIE_INCOHERENTE, (l, d) -> {
            String t = modalite(Dimension.TYPOLOGIE, l);
            int n = taille(d);
            return (List.of("CHAMBRE", "T1").contains(t) && n >= 3) || (t.equals("T2") && n >= 5)
                    || (List.of("T5", "T6_PLUS").contains(t) && n == 1);
        });
        definitions.put(IndicateurQualite.SITUATION_PROFESSIONNELLE_ABSENTE,
                (l, d) -> d.demandeur().situationProfessionnelle() == null);
        definitions.put(IndicateurQualite.LOGEMENT_ACTUEL_ABSENT, (l, d) -> d.logementActuel() == null
                || d.logementActuel().statut() == null);
        definitions.put(IndicateurQualite.MOTIF_ABSENT, (l, d) -> d.motifs() == null || d.motifs().isEmpty());
        definitions.put(IndicateurQualite.DATE_NAISSANCE_IMPROBABLE, (l, d) -> {
            int age = Period.between(l.naissance(), AUJOURDHUI).getYears();
            return age < 16 || age >= 100;
        });
        // no campaign ran: no notice recorded for anyone
        definitions.put(IndicateurQualite.EXPIRANT_SANS_AVIS,
                (l, d) -> !l.demande().dateValidite().isAfter(AUJOURDHUI.plusMonths(1)));
        definitions.put(IndicateurQualite.VALIDITE_DEPASSEE, (l, d) -> l.demande().dateValidite().isBefore(AUJOURDHUI));
        definitions.put(IndicateurQualite.RENOUVELLEMENT_TARDIF, (l, d) -> l.demande().numeroUnique().equals(reactivee));
        definitions.put(IndicateurQualite.DOUBLON_PROBABLE, (l, d) -> actives.stream().filter(o -> o.identite()
                .equals(l.identite())).count() > 1);
        // no history entry in the last twelve months: filed more than a year ago, and not the reactivated one
        definitions.put(IndicateurQualite.SANS_MODIFICATION_DEPUIS_UN_AN, (l, d) -> ChronoUnit.DAYS.between(
                l.demande().dateDepot(), AUJOURDHUI) > 366 && !l.demande().numeroUnique().equals(reactivee));
        assertEquals("chaque indicateur a sa définition", EnumSet.allOf(IndicateurQualite.class),
                definitions.keySet());

        TableauQualite qualite = statistiques.qualite(GESTIONNAIRE);
        assertEquals(3, qualite.lignes().size());
        for (LigneQualite ligne : qualite.lignes()) {
            List<Lue> duGuichet = actives.stream().filter(l -> l.demande().guichet().equals(ligne.guichet())).toList();
            assertEquals(ligne.guichet(), duGuichet.size(), ligne.actives());
            for (IndicateurQualite i : IndicateurQualite.values()) {
                assertEquals(ligne.guichet() + " " + i, duGuichet.stream().filter(l -> definitions.get(i).test(l,
                        l.demande().dossier())).count(), ligne.valeur(i));
            }
        }
        // the counts kept as the demands changed, folded by the statistics' refresh, then rebuilt from the rows as a
        // bulk load does: the same table each time
        db.count("SELECT stat_rafraichir()");
        assertEquals(qualite.lignes(), statistiques.qualite(GESTIONNAIRE).lignes());
        db.count("SELECT stat_stock_reconstruire()");
        assertEquals(qualite.lignes(), statistiques.qualite(GESTIONNAIRE).lignes());
        LigneQualite total = qualite.total();
        for (IndicateurQualite i : List.of(IndicateurQualite.COURRIEL_ABSENT, IndicateurQualite.TELEPHONE_ABSENT,
                IndicateurQualite.REVENUS_ABSENTS, IndicateurQualite.COMMUNE_INVALIDE,
                IndicateurQualite.DATE_NAISSANCE_IMPROBABLE, IndicateurQualite.MOTIF_ABSENT,
                IndicateurQualite.DOUBLON_PROBABLE, IndicateurQualite.RENOUVELLEMENT_TARDIF,
                IndicateurQualite.VALIDITE_DEPASSEE, IndicateurQualite.NIR_ABSENT)) {
            assertTrue(i + " présent dans les données", total.valeur(i) > 0);
        }
    }
}
