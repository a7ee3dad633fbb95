package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.CoDemandeur;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.Handicap;
import org.registrehub.api.LienCoDemandeur;
import org.registrehub.api.LienParente;
import org.registrehub.api.LogementActuel;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.Motif;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.PersonneACharge;
import org.registrehub.api.RegistreService;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.Sexe;
import org.registrehub.api.StatutLogement;
import org.registrehub.api.Typologie;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.statistiques.DimensionAttribution;
import org.registrehub.api.statistiques.FormatExport;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneAccord;
import org.registrehub.api.statistiques.LignePression;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.TableauAttributions;
import org.registrehub.api.statistiques.TableauDemande;
import org.registrehub.api.statistiques.TableauPression;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.PersonneBuilder;

/**
 * The satisfied demands on PostgreSQL with the real register: two years of generated registrations with households,
 * incomes, current housing and motives drawn at random, and of leases (landlord, réservataire, DALO); every breakdown
 * of the attributions, the pressure by commune and the accords collectifs are checked against what the test computes
 * from its own record of what it did.
 */
public class DemandesSatisfaitesTest extends BaseDeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final List<String> COMMUNES = List.of("44109", "44162", "85191");
    private static final List<String> BAILLEURS = List.of("NMH", "HABITAT44", "VENDEE-HAB");
    private static final List<String> RESERVATAIRES = List.of("PREFECTURE", "ACTION_LOGEMENT", "COMMUNE");
    private static final LocalDate DEBUT = LocalDate.of(2025, 7, 1);
    private static final LocalDate FIN = LocalDate.of(2026, 6, 30);
    static final Contexte BAILLEUR_44 = new Contexte(new Identite("nmh", new Organisation("NMH",
            TypeOrganisation.BAILLEUR, "NMH", null, true, Set.of("044")), EnumSet.of(Role.BAILLEUR)), Canal.REST);
    static final Contexte GESTIONNAIRE_85 = new Contexte(new Identite("gest85", new Organisation("DDETS85",
            TypeOrganisation.ETAT, "DDETS85", null, true, Set.of("085")), EnumSet.of(Role.GESTIONNAIRE)), Canal.REST);

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);
    private RegistreService registre;
    private StatistiquesServiceImpl statistiques;

    /** What the test knows of a demand. */
    private record Fait(String numero, String commune, LocalDate depot, Typologie typologie, boolean co, int enfants,
                        Integer revenu, boolean mutation, String priorite) {
    }

    /** A lease the test signed. */
    private record Bail(Fait demande, LocalDate jour, String bailleur, String reservataire, boolean dalo) {
    }

    private final List<Fait> faits = new ArrayList<>();
    private final List<Bail> baux = new ArrayList<>();

    @Before
    public void generer() {
        registre = registre(horloge);
        statistiques = new StatistiquesServiceImpl(statistiquesStore, horloge, ReglesStatistiques.DEFAUT);
        Random alea = new Random(20_261_207L);
        Map<String, Fait> actives = new LinkedHashMap<>();
        int n = 0;
        for (LocalDate jour = LocalDate.of(2024, 11, 1); jour.isBefore(LocalDate.of(2026, 8, 1));
             jour = jour.plusDays(3)) {
            horloge.jour(jour.toString());
            if (alea.nextInt(3) > 0) {
                Fait f = enregistrer(alea, n++, jour);
                actives.put(f.numero(), f);
            }
            if (actives.size() > 5 && alea.nextInt(3) == 0) {
                List<String> numeros = new ArrayList<>(actives.keySet());
                Fait f = actives.remove(numeros.get(alea.nextInt(numeros.size())));
                String bailleur = f.commune().startsWith("85") ? "VENDEE-HAB" : BAILLEURS.get(alea.nextInt(2));
                Bail b = new Bail(f, jour, bailleur, RESERVATAIRES.get(alea.nextInt(3)), alea.nextInt(6) == 0);
                Demande d = registre.consulter(f.numero(), GESTIONNAIRE).orElseThrow();
                registre.radier(f.numero(), d.version(), new DemandeRadiation(MotifRadiation.ATTRIBUTION,
                        new Attribution(b.bailleur(), "RPLS" + n, b.reservataire(), b.dalo()), null, null),
                        GESTIONNAIRE);
                baux.add(b);
            }
        }
        horloge.jour("2026-12-07");
    }

    private Fait enregistrer(Random alea, int n, LocalDate jour) {
        String commune = COMMUNES.get(alea.nextInt(COMMUNES.size()));
        Typologie typologie = List.of(Typologie.T1, Typologie.T2, Typologie.T3, Typologie.T4).get(alea.nextInt(4));
        boolean co = alea.nextBoolean();
        int enfants = alea.nextInt(3);
        Integer revenu = List.of(9_000, 20_000, 30_000, 45_000, 70_000).get(alea.nextInt(5));
        revenu = alea.nextInt(8) == 0 ? null : revenu;
        // current housing and motive: a social tenant (mutation), hosted by family (HEBERGE), without housing
        // (SANS_LOGEMENT, motive) or a private tenant whose rent is too high (no priority)
        int situation = alea.nextInt(4);
        StatutLogement statut = switch (situation) {
            case 0 -> StatutLogement.LOCATAIRE_HLM;
            case 1 -> StatutLogement.HEBERGE_FAMILLE;
            default -> StatutLogement.LOCATAIRE_PRIVE;
        };
        Motif motif = situation == 2 ? Motif.SANS_LOGEMENT : Motif.LOGEMENT_TROP_CHER;
        String priorite = situation == 1 ? "HEBERGE" : situation == 2 ? "SANS_LOGEMENT" : "SANS_PRIORITE";
        Dossier base = DossiersDeTest.dossier("Satisfait", "Sat", commune, n);
        List<PersonneACharge> aCharge = new ArrayList<>();
        for (int i = 0; i < enfants; i++) {
            aCharge.add(new PersonneACharge("Satisfait", "Enfant" + (char) ('a' + i), LocalDate.of(2015 + i, 3, 1),
                    Sexe.F, LienParente.ENFANT));
        }
        Dossier d = DossierBuilder.builder(base)
                .coDemandeur(co ? new CoDemandeur(PersonneBuilder.builder(base.demandeur()).nir(null)
                        .prenoms("Conjoint " + base.demandeur().prenoms()).build(), LienCoDemandeur.CONJOINT) : null)
                .ressources(base.ressources().stream().filter(r -> r.beneficiaire()
                        == org.registrehub.api.Beneficiaire.DEMANDEUR).toList())
                .personnesACharge(aCharge)
                .revenuFiscal(revenu == null ? null : new RevenuFiscal(revenu, null))
                .logementActuel(new LogementActuel(statut, null, null, null, 2))
                .motifs(List.of(motif))
                .handicap(new Handicap(false, false, false, null))
                .logementRecherche(new LogementRecherche(List.of(typologie), List.of(commune), null, false, false,
                        false))
                .build();
        Demande demande = registre.enregistrer(new NouvelleDemande(commune.startsWith("85") ? "G8501" : "G1104", d),
                GESTIONNAIRE);
        Fait f = new Fait(demande.numeroUnique(), commune, jour, typologie, co, enfants, revenu,
                situation == 0, priorite);
        faits.add(f);
        return f;
    }

    /** What the test expects of one lease for a breakdown. */
    private static String modalite(DimensionAttribution dimension, Bail b) {
        Fait f = b.demande();
        return switch (dimension) {
            case TYPOLOGIE -> f.typologie().name();
            case COMPOSITION -> f.co() ? (f.enfants() > 0 ? "DEUX_DEMANDEURS_AVEC_PERSONNES_A_CHARGE"
                    : "DEUX_DEMANDEURS_SANS_PERSONNE_A_CHARGE") : f.enfants() > 0 ? "SEUL_AVEC_PERSONNES_A_CHARGE"
                    : "PERSONNE_SEULE";
            case REVENU_PLAFOND -> {
                if (f.revenu() == null) {
                    yield "INCONNU";
                }
                int taille = 1 + (f.co() ? 1 : 0) + f.enfants();
                long plafond = ReglesStatistiques.DEFAUT.plafonds().autresRegions().get(Math.min(taille, 6) - 1);
                yield f.revenu() * 100L <= 60 * plafond ? "JUSQU_A_60" : f.revenu() <= plafond ? "60_A_100"
                        : f.revenu() * 100L <= 130 * plafond ? "100_A_130" : "PLUS_DE_130";
            }
            case MUTATION -> f.mutation() ? "MUTATION" : "HORS_MUTATION";
            case PRIORITE -> b.dalo() ? "DALO" : f.priorite();
            case DELAI -> b.jour().isBefore(f.depot().plusMonths(3)) ? "MOINS_DE_3_MOIS"
                    : b.jour().isBefore(f.depot().plusMonths(6)) ? "3_A_6_MOIS"
                    : b.jour().isBefore(f.depot().plusYears(1)) ? "6_A_12_MOIS"
                    : b.jour().isBefore(f.depot().plusYears(2)) ? "1_A_2_ANS"
                    : b.jour().isBefore(f.depot().plusYears(5)) ? "2_A_5_ANS" : "5_ANS_ET_PLUS";
            case RESERVATAIRE -> b.reservataire();
            case BAILLEUR -> b.bailleur();
        };
    }

    private List<Bail> dansLaPeriode() {
        return baux.stream().filter(b -> !b.jour().isBefore(DEBUT) && !b.jour().isAfter(FIN)).toList();
    }

    @Test
    public void chaqueRepartitionDesDemandesSatisfaitesEstCelleQueLeTestCalcule() {
        List<Bail> periode = dansLaPeriode();
        assertTrue("des attributions dans la période : " + periode.size(), periode.size() > 40);
        assertAttributionsCalculees(periode);
        // the facts kept in the statistical row at the radiation are those a rebuild computes from the demands (the
        // migration V39 of the rows radiated before it)
        assertEquals(baux.size(), db.count("WITH m AS (UPDATE stat_demande SET attribution_priorite = NULL,"
                + " attribution_bailleur = NULL, attribution_reservataire = NULL"
                + " WHERE motif_radiation = 'ATTRIBUTION' RETURNING 1) SELECT count(*) FROM m"));
        assertEquals(baux.size(), db.count("SELECT stat_attributions_reconstruire()"));
        assertAttributionsCalculees(periode);
    }

    private void assertAttributionsCalculees(List<Bail> periode) {
        // every breakdown from one reading of the period (the report's way) is the breakdown read alone
        List<TableauAttributions> ensemble = statistiques.attributions(DEBUT, FIN, Granularite.DEPARTEMENT,
                List.of(DimensionAttribution.values()), GESTIONNAIRE);
        assertEquals(DimensionAttribution.values().length, ensemble.size());
        for (DimensionAttribution dimension : DimensionAttribution.values()) {
            assertEquals(dimension.name(), statistiques.attributions(DEBUT, FIN, Granularite.DEPARTEMENT, dimension,
                    GESTIONNAIRE), ensemble.get(dimension.ordinal()));
        }
        for (DimensionAttribution dimension : DimensionAttribution.values()) {
            TableauAttributions t = statistiques.attributions(DEBUT, FIN, Granularite.DEPARTEMENT, dimension,
                    GESTIONNAIRE);
            Map<String, Map<String, Long>> attendu = new TreeMap<>();
            for (Bail b : periode) {
                attendu.computeIfAbsent(b.demande().numero().substring(0, 3), c -> new TreeMap<>())
                        .merge(modalite(dimension, b), 1L, Long::sum);
            }
            Map<String, Map<String, Long>> lu = new TreeMap<>();
            for (LigneRepartition l : t.lignes()) {
                Map<String, Long> nonNuls = new TreeMap<>();
                l.effectifs().forEach((m, n) -> {
                    if (n != 0) {
                        nonNuls.put(m, n);
                    }
                });
                lu.put(l.code(), nonNuls);
            }
            assertEquals(dimension.name(), attendu, lu);
            assertEquals(dimension.name(), periode.size(), t.total().total());
            if (!dimension.ouverte()) {
                assertEquals(dimension.modalites(), t.modalites());
            }
        }
        // by commune: the same total, spread over the three communes
        TableauAttributions parCommune = statistiques.attributions(DEBUT, FIN, Granularite.COMMUNE,
                DimensionAttribution.DELAI, GESTIONNAIRE);
        assertEquals(periode.size(), parCommune.total().total());
        for (String commune : COMMUNES) {
            assertEquals(commune, periode.stream().filter(b -> b.demande().commune().equals(commune)).count(),
                    parCommune.lignes().stream().filter(l -> l.code().equals(commune)).mapToLong(
                            LigneRepartition::total).sum());
        }
    }

    @Test
    public void laPressionParCommuneEstLaDemandeEnAttenteParAttribution() {
        TableauPression t = statistiques.pression(DEBUT, FIN, GESTIONNAIRE);
        for (String commune : COMMUNES) {
            long enAttente = faits.stream().filter(f -> f.commune().equals(commune) && !f.depot().isAfter(FIN))
                    .filter(f -> baux.stream().noneMatch(b -> b.demande() == f && !b.jour().isAfter(FIN))).count();
            long attributions = dansLaPeriode().stream().filter(b -> b.demande().commune().equals(commune)).count();
            LignePression l = t.lignes().stream().filter(x -> x.commune().equals(commune)).findFirst().orElseThrow();
            assertEquals(commune, enAttente, l.enAttente());
            assertEquals(commune, attributions, l.attributions());
            assertEquals(commune, Math.round(10.0 * enAttente / attributions) / 10.0, l.pression(), 0.0);
        }
        // the most pressed first
        for (int i = 1; i < t.lignes().size(); i++) {
            assertTrue(t.lignes().get(i - 1).pression() >= t.lignes().get(i).pression());
        }
    }

    @Test
    public void lesAccordsCollectifsSontSuivisContreLesAttributionsAuxMenagesPrioritaires() {
        LigneAccord nmh = statistiques.definirAccord("044", "NMH", 2026, 6, GESTIONNAIRE);
        long attendu = baux.stream().filter(b -> b.bailleur().equals("NMH") && b.jour().getYear() == 2026
                && (b.dalo() || !b.demande().priorite().equals("SANS_PRIORITE"))).count();
        assertTrue("des ménages prioritaires logés par NMH en 2026", attendu > 0);
        assertEquals(attendu, nmh.realise());
        assertEquals(6, nmh.objectif());
        assertEquals(Math.round(1000.0 * attendu / 6) / 10.0, nmh.taux(), 0.0);
        // replaced, not added; audited each time
        statistiques.definirAccord("044", "NMH", 2026, 8, GESTIONNAIRE);
        statistiques.definirAccord("085", "VENDEE-HAB", 2026, 3, GESTIONNAIRE);
        List<LigneAccord> accords = statistiques.accords(2026, GESTIONNAIRE);
        assertEquals(List.of("044 NMH 8", "085 VENDEE-HAB 3"), accords.stream().map(a -> a.territoire() + " "
                + a.bailleur() + " " + a.objectif()).toList());
        assertEquals(3, db.count("select count(*) from audit where operation = 'ACCORD_COLLECTIF'"));
        // a gestionnaire of the 085 reads and sets its own only
        assertEquals(List.of("085"), statistiques.accords(2026, GESTIONNAIRE_85).stream()
                .map(LigneAccord::territoire).toList());
        assertThrows(AccesRefuseException.class, () -> statistiques.definirAccord("044", "NMH", 2026, 1,
                GESTIONNAIRE_85));
        assertThrows(AccesRefuseException.class, () -> statistiques.definirAccord("044", "NMH", 2026, 1,
                BAILLEUR_44));
        assertThrows(AccesRefuseException.class, () -> statistiques.accords(2026, BAILLEUR_44));
        DemandeInvalideException mauvais = assertThrows(DemandeInvalideException.class,
                () -> statistiques.definirAccord("44", "N M H", 1999, -1, GESTIONNAIRE));
        assertEquals(List.of("territoire", "bailleur", "annee", "objectif"), mauvais.getErreurs().stream()
                .map(e -> e.champ()).toList());
    }

    @Test
    public void unPartenaireLitLesSiennesSousLeSecretEtLesExportsLesReprennent() throws Exception {
        TableauAttributions bailleur = statistiques.attributions(DEBUT, FIN, Granularite.DEPARTEMENT,
                DimensionAttribution.PRIORITE, BAILLEUR_44);
        assertEquals(List.of("044"), bailleur.lignes().stream().map(LigneRepartition::code).toList());
        assertTrue(bailleur.secret().actif());
        // the CSV of the breakdown by landlord: a column per landlord met, a line per département and the total
        RapportStatistiquesImpl rapport = new RapportStatistiquesImpl(statistiques, horloge);
        byte[] csv = rapport.exporter(new TableauDemande("attributions", DEBUT, FIN, Granularite.DEPARTEMENT, null,
                null, false, DimensionAttribution.BAILLEUR), FormatExport.CSV, GESTIONNAIRE);
        List<CSVRecord> lignes = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();
        assertEquals(List.of("Département", "HABITAT44", "NMH", "VENDEE-HAB", "Total"), lignes.get(0).toList());
        assertEquals(String.valueOf(dansLaPeriode().size()), lignes.get(lignes.size() - 1).get(4));
        // the HTML report has the satisfied demands and the pressure
        String html = rapport.rapportHtml(DEBUT, FIN, Granularite.DEPARTEMENT, null, GESTIONNAIRE);
        assertTrue(html.contains("Demandes satisfaites du 2025-07-01 au 2026-06-30 : catégorie prioritaire"));
        assertTrue(html.contains("Pression de la demande par commune"));
        assertTrue(rapport.exporter(new TableauDemande("pression", DEBUT, FIN, null, null, null), FormatExport.PNG,
                GESTIONNAIRE).length > 1000);
    }
}
