package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.LogementRecherche;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.LigneMensuelle;
import org.registrehub.api.statistiques.LigneSatisfaction;
import org.registrehub.api.statistiques.SerieMensuelle;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauSatisfaction;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.HorlogeReglable;

/**
 * The stock and flow table against an independent count: a year and a half of generated life (registrations in three
 * départements and four communes, radiations for the five reasons, reactivations, changes of the first wished
 * commune) made through the real register on PostgreSQL, day by day on an adjustable clock, and logged by the test;
 * the table of several periods and granularities is checked against a replay of that log.
 */
public class StatistiquesFluxTest extends BaseDeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Map<String, String> COMMUNES = new LinkedHashMap<>();
    private static final Map<String, String> GUICHETS = Map.of("044", "G1104", "085", "G8501", "059", "G5901");
    private static final Map<String, String> REGIONS = Map.of("044", "52", "085", "52", "059", "32");
    /** Nantes Métropole holds both communes of the 44 (their changes stay inside it); Lille's has no EPCI here. */
    private static final Map<String, String> EPCI = Map.of("44109", "244400404", "44162", "244400404",
            "85191", "248500589", "59350", "(sans EPCI)");

    static {
        COMMUNES.put("44109", "044");
        COMMUNES.put("44162", "044");
        COMMUNES.put("85191", "085");
        COMMUNES.put("59350", "059");
    }

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);
    private RegistreService registre;
    private StatistiquesServiceImpl statistiques;

    /** What the test did, in order: the independent record the table is checked against. */
    private record Fait(LocalDate jour, String numero, String nature, MotifRadiation motif, String commune) {
    }

    private final List<Fait> journal = new ArrayList<>();

    @Before
    public void setUp() {
        registre = registre(horloge);
        statistiques = new StatistiquesServiceImpl(statistiquesStore, horloge, ReglesStatistiques.DEFAUT);
        epcis("44162");
    }

    private Dossier dossier(String commune, int n) {
        return DossiersDeTest.dossier("Martin", "Stat", commune, n);
    }

    /** A year and a half of generated life, the same every run (fixed seed). */
    private void generer() {
        Random alea = new Random(20_261_201L);
        List<String> communes = new ArrayList<>(COMMUNES.keySet());
        Map<String, String> actives = new LinkedHashMap<>();     // numéro -> commune
        Map<String, String> radieesNonRenouvelees = new LinkedHashMap<>();
        int n = 0;
        for (LocalDate jour = LocalDate.of(2025, 1, 1); jour.isBefore(LocalDate.of(2026, 7, 1));
                jour = jour.plusDays(1)) {
            horloge.jour(jour.toString());
            for (int k = alea.nextInt(3); k > 0; k--) {
                String commune = communes.get(alea.nextInt(communes.size()));
                Demande d = registre.enregistrer(new NouvelleDemande(GUICHETS.get(COMMUNES.get(commune)),
                        dossier(commune, n++)), GESTIONNAIRE);
                actives.put(d.numeroUnique(), commune);
                journal.add(new Fait(jour, d.numeroUnique(), "ENTREE", null, commune));
            }
            if (!actives.isEmpty() && alea.nextInt(3) == 0) {
                String numero = new ArrayList<>(actives.keySet()).get(alea.nextInt(actives.size()));
                MotifRadiation motif = MotifRadiation.values()[alea.nextInt(MotifRadiation.values().length)];
                Demande d = registre.consulter(numero, GESTIONNAIRE).orElseThrow();
                registre.radier(numero, d.version(), new DemandeRadiation(motif, motif == MotifRadiation.ATTRIBUTION
                        ? new Attribution("Bailleur", "RPLS" + n, "ETAT", false) : null,
                        motif == MotifRadiation.IRRECEVABILITE ? MotifIrrecevabilite.values()[0] : null, null),
                        GESTIONNAIRE);
                journal.add(new Fait(jour, numero, "SORTIE", motif, actives.remove(numero)));
                if (motif == MotifRadiation.NON_RENOUVELLEMENT) {
                    radieesNonRenouvelees.put(numero, d.dossier().logementRecherche().communes().get(0));
                }
            }
            if (!radieesNonRenouvelees.isEmpty() && alea.nextInt(10) == 0) {
                String numero = radieesNonRenouvelees.keySet().iterator().next();
                String commune = radieesNonRenouvelees.remove(numero);
                Demande d = registre.consulter(numero, GESTIONNAIRE).orElseThrow();
                registre.reactiver(numero, d.version(), GESTIONNAIRE);
                actives.put(numero, commune);
                journal.add(new Fait(jour, numero, "RETOUR", null, commune));
            }
            if (!actives.isEmpty() && alea.nextInt(5) == 0) {
                String numero = new ArrayList<>(actives.keySet()).get(alea.nextInt(actives.size()));
                Demande d = registre.consulter(numero, GESTIONNAIRE).orElseThrow();
                registre.renouveler(numero, d.version(), null, GESTIONNAIRE);
                journal.add(new Fait(jour, numero, "RENOUVELLEMENT", null, actives.get(numero)));
            }
            if (!actives.isEmpty() && alea.nextInt(12) == 0) {
                // a demand of the 44 changes its first wished commune (44109 <-> 44162)
                actives.entrySet().stream().filter(e -> e.getValue().startsWith("44")).findFirst().ifPresent(e -> {
                    String vers = e.getValue().equals("44109") ? "44162" : "44109";
                    Demande d = registre.consulter(e.getKey(), GESTIONNAIRE).orElseThrow();
                    LogementRecherche l = d.dossier().logementRecherche();
                    registre.modifier(e.getKey(), d.version(), DossierBuilder.builder(d.dossier()).logementRecherche(
                            new LogementRecherche(l.typologies(), List.of(vers), l.loyerMax(), l.ascenseur(),
                                    l.rezDeChaussee(), l.parking())).build(), GESTIONNAIRE);
                    journal.add(new Fait(horloge.instant().atZone(PARIS).toLocalDate(), e.getKey(), "TRANSFERT",
                            null, vers));
                    e.setValue(vers);
                });
            }
        }
    }

    /** The independent count: the table of a period replayed from the test's own log. */
    private Map<String, long[]> attendu(LocalDate debut, LocalDate fin, Function<String, String> groupe) {
        Map<String, long[]> lignes = new TreeMap<>();
        Map<String, String> communeActive = new HashMap<>();
        // 0 stockDebut, 1 nouvelles, 2 reactivees, 3..7 the five reasons, 8 in, 9 out, 10 stockFin
        for (Fait f : journal) {
            if (f.jour().isAfter(fin)) {
                break;
            }
            if (f.nature().equals("RENOUVELLEMENT")) {
                continue;
            }
            boolean dans = !f.jour().isBefore(debut);
            switch (f.nature()) {
                case "ENTREE", "RETOUR" -> {
                    communeActive.put(f.numero(), f.commune());
                    if (dans) {
                        lignes.computeIfAbsent(groupe.apply(f.commune()), g -> new long[11])[
                                f.nature().equals("ENTREE") ? 1 : 2]++;
                    }
                }
                case "SORTIE" -> {
                    communeActive.remove(f.numero());
                    if (dans) {
                        lignes.computeIfAbsent(groupe.apply(f.commune()), g -> new long[11])[3 + List.of(
                                MotifRadiation.ABANDON, MotifRadiation.ATTRIBUTION, MotifRadiation.IRRECEVABILITE,
                                MotifRadiation.NON_RENOUVELLEMENT, MotifRadiation.NON_REPONSE).indexOf(f.motif())]++;
                    }
                }
                default -> {
                    String avant = communeActive.put(f.numero(), f.commune());
                    if (dans && !groupe.apply(avant).equals(groupe.apply(f.commune()))) {
                        lignes.computeIfAbsent(groupe.apply(f.commune()), g -> new long[11])[8]++;
                        lignes.computeIfAbsent(groupe.apply(avant), g -> new long[11])[9]++;
                    }
                }
            }
        }
        // the stocks: replay up to the day before the start, then up to the end
        for (int bout = 0; bout < 2; bout++) {
            LocalDate jusqua = bout == 0 ? debut.minusDays(1) : fin;
            Map<String, String> etat = new HashMap<>();
            for (Fait f : journal) {
                if (f.jour().isAfter(jusqua)) {
                    break;
                }
                if (f.nature().equals("SORTIE")) {
                    etat.remove(f.numero());
                } else if (!f.nature().equals("RENOUVELLEMENT")) {
                    etat.put(f.numero(), f.commune());
                }
            }
            int colonne = bout == 0 ? 0 : 10;
            etat.values().forEach(c -> lignes.computeIfAbsent(groupe.apply(c), g -> new long[11])[colonne]++);
        }
        return lignes;
    }

    private static long[] valeurs(LigneFlux l) {
        return new long[] {l.stockDebut(), l.nouvelles(), l.reactivees(), l.abandon(), l.attribution(),
            l.irrecevabilite(), l.nonRenouvellement(), l.nonReponse(), l.transfertsEntrants(), l.transfertsSortants(),
            l.stockFin()};
    }

    private void verifier(LocalDate debut, LocalDate fin, Granularite g, Function<String, String> groupe) {
        TableauFlux t = statistiques.flux(debut, fin, g, GESTIONNAIRE);
        Map<String, long[]> attendu = attendu(debut, fin, groupe);
        attendu.values().removeIf(v -> java.util.Arrays.stream(v).allMatch(x -> x == 0));
        Map<String, long[]> obtenu = new TreeMap<>();
        for (LigneFlux l : t.lignes()) {
            assertTrue(g + " " + l, l.equilibree());
            obtenu.put(l.code(), valeurs(l));
        }
        assertEquals(g + " du " + debut + " au " + fin, attendu.keySet(), obtenu.keySet());
        attendu.forEach((code, v) -> assertEquals(g + " " + code + " du " + debut + " au " + fin,
                java.util.Arrays.toString(v), java.util.Arrays.toString(obtenu.get(code))));
        assertTrue(t.total().equilibree());
    }

    @Test
    public void tableauDesFluxExactAPlusieursDatesEtGranularitesContreUnComptageIndependant() {
        generer();
        assertTrue("des réactivations dans l'histoire", journal.stream().anyMatch(f -> f.nature().equals("RETOUR")));
        assertTrue("des changements de commune", journal.stream().anyMatch(f -> f.nature().equals("TRANSFERT")));
        List<LocalDate[]> periodes = List.of(
                new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)},
                new LocalDate[] {LocalDate.of(2025, 4, 1), LocalDate.of(2025, 12, 31)},
                new LocalDate[] {LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30)},
                new LocalDate[] {LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 14)},
                // both ends cut a month: the monthly rollup for the whole months, the days of the two cut ones
                new LocalDate[] {LocalDate.of(2025, 5, 17), LocalDate.of(2026, 1, 9)},
                new LocalDate[] {LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 29)});
        for (LocalDate[] p : periodes) {
            verifier(p[0], p[1], Granularite.DEPARTEMENT, COMMUNES::get);
            verifier(p[0], p[1], Granularite.COMMUNE, c -> c);
            verifier(p[0], p[1], Granularite.GUICHET, c -> GUICHETS.get(COMMUNES.get(c)));
            verifier(p[0], p[1], Granularite.REGION, c -> REGIONS.get(COMMUNES.get(c)));
            verifier(p[0], p[1], Granularite.EPCI, EPCI::get);
        }
        seriesEtSatisfactionContreLeJournal();
        // consecutive periods chain: the end of one is the start of the next
        TableauFlux premier = statistiques.flux(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31),
                Granularite.DEPARTEMENT, GESTIONNAIRE);
        TableauFlux second = statistiques.flux(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 12, 31),
                Granularite.DEPARTEMENT, GESTIONNAIRE);
        assertEquals(premier.total().stockFin(), second.total().stockDebut());
        assertEquals(0, premier.total().transfertsEntrants() - premier.total().transfertsSortants());
        // the stock at a past date does not move when the register changes afterwards
        long avant = statistiques.stock(LocalDate.of(2025, 6, 30), Granularite.DEPARTEMENT, GESTIONNAIRE).total()
                .stockFin();
        horloge.jour("2026-07-02");
        registre.enregistrer(new NouvelleDemande("G1104", dossier("44109", 99_999)), GESTIONNAIRE);
        assertEquals(avant, statistiques.stock(LocalDate.of(2025, 6, 30), Granularite.DEPARTEMENT, GESTIONNAIRE)
                .total().stockFin());
        assertEquals(db.count("select count(*) from demande where statut = 'ACTIVE'"), statistiques.stock(
                LocalDate.of(2026, 7, 2), Granularite.DEPARTEMENT, GESTIONNAIRE).total().stockFin());
    }

    /** The monthly series and the délais de satisfaction against the log. */
    private void seriesEtSatisfactionContreLeJournal() {
        assertTrue("des renouvellements", journal.stream().anyMatch(f -> f.nature().equals("RENOUVELLEMENT")));
        LocalDate debut = LocalDate.of(2025, 1, 1);
        LocalDate fin = LocalDate.of(2026, 6, 30);
        for (String departement : java.util.Arrays.asList(null, "044")) {
            SerieMensuelle serie = statistiques.serieMensuelle(debut, fin, departement, GESTIONNAIRE);
            assertEquals(18, serie.mois().size());
            for (LigneMensuelle m : serie.mois()) {
                List<Fait> duMois = journal.stream().filter(f -> java.time.YearMonth.from(f.jour()).equals(m.mois()))
                        .filter(f -> departement == null || COMMUNES.get(f.commune()).equals(departement)).toList();
                String quoi = m.mois() + " " + departement;
                assertEquals(quoi, duMois.stream().filter(f -> f.nature().equals("ENTREE")).count(), m.nouvelles());
                assertEquals(quoi, duMois.stream().filter(f -> f.nature().equals("RENOUVELLEMENT")).count(),
                        m.renouvellements());
                assertEquals(quoi, duMois.stream().filter(f -> f.nature().equals("SORTIE")).count(), m.radiations());
                assertEquals(quoi, duMois.stream().filter(f -> f.motif() == MotifRadiation.ATTRIBUTION).count(),
                        m.attributions());
                assertEquals(quoi, duMois.stream().filter(f -> f.nature().equals("RETOUR")).count(), m.reactivees());
            }
        }
        // satisfaction: filing day = the registration's, attribution day = the radiation's
        Map<String, LocalDate> depots = new HashMap<>();
        journal.stream().filter(f -> f.nature().equals("ENTREE")).forEach(f -> depots.put(f.numero(), f.jour()));
        LocalDate du = LocalDate.of(2025, 7, 1);
        TableauSatisfaction t = statistiques.satisfaction(du, fin, Granularite.DEPARTEMENT, GESTIONNAIRE);
        for (String departement : List.of("044", "085", "059")) {
            List<Fait> attributions = journal.stream().filter(f -> f.motif() == MotifRadiation.ATTRIBUTION)
                    .filter(f -> !f.jour().isBefore(du) && COMMUNES.get(f.commune()).equals(departement)).toList();
            LigneSatisfaction l = t.lignes().stream().filter(x -> x.code().equals(departement)).findFirst()
                    .orElse(new LigneSatisfaction(departement, 0, 0, 0));
            assertEquals(departement, attributions.size(), l.attributions());
            assertEquals(departement, attributions.stream().mapToLong(f -> java.time.temporal.ChronoUnit.DAYS
                    .between(depots.get(f.numero()), f.jour())).sum(), l.joursCumules());
            assertEquals(departement, attributions.stream().filter(f -> f.jour().isBefore(depots.get(f.numero())
                    .plusYears(1))).count(), l.satisfaitesEnUnAn());
        }
        assertTrue("des attributions", t.total().attributions() > 0);
        assertTrue(t.total().delaiMoyenMois() > 0 && t.total().partEnUnAn() > 0);
    }

    @Test
    public void lAgregatJournalierEstExactAvantEtApresSonRafraichissement() {
        horloge.jour("2026-03-02");
        registre.enregistrer(new NouvelleDemande("G1104", dossier("44109", 1)), GESTIONNAIRE);
        registre.enregistrer(new NouvelleDemande("G8501", dossier("85191", 2)), GESTIONNAIRE);
        assertEquals(2, db.count("select count(*) from stat_mouvement where not agrege"));
        // read before any refresh: the pending movements are counted by the reader itself
        assertEquals(2, statistiquesStore.serie(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null).get(0)
                .nouvelles());
        assertEquals(2, statistiquesStore.flux(Granularite.REGION, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3,
                31)).stream().mapToLong(LigneFlux::nouvelles).sum());
        assertEquals(1, statistiquesStore.flux(Granularite.GUICHET, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3,
                2)).stream().filter(l -> l.code().equals("G8501")).mapToLong(LigneFlux::stockFin).sum());
        assertEquals(2, statistiquesStore.rafraichir());
        assertEquals(0, db.count("select count(*) from stat_mouvement where not agrege"));
        assertEquals(0, statistiquesStore.rafraichir());
        assertEquals(2, db.count("select coalesce(sum(n), 0) from stat_flux_jour where nature = 'ENTREE'"));
        assertEquals(2, db.count("select coalesce(sum(n), 0) from stat_flux_mois where nature = 'ENTREE'"
                + " and mois = date '2026-03-01'"));
        assertEquals(2, statistiques.stock(LocalDate.of(2026, 3, 2), Granularite.DEPARTEMENT, GESTIONNAIRE).total()
                .stockFin());
        assertEquals(0, statistiques.stock(LocalDate.of(2026, 3, 1), Granularite.DEPARTEMENT, GESTIONNAIRE).total()
                .stockFin());
    }

    @Test
    public void lesDemandesDUnImportSontDesReprisesPasDesNouvelles() {
        Contexte importation = new Contexte(GESTIONNAIRE.identite(), org.registrehub.api.Canal.IMPORT);
        horloge.jour("2026-12-03");
        registre.enregistrer(new NouvelleDemande("G1104", dossier("44109", 1)), GESTIONNAIRE);
        for (int i = 2; i <= 4; i++) {
            registre.enregistrer(new NouvelleDemande("G1104", dossier("44109", i)), importation);
        }
        horloge.jour("2026-12-04");
        registre.enregistrer(new NouvelleDemande("G1104", dossier("44162", 5)), importation);
        LocalDate debut = LocalDate.of(2026, 12, 1);
        LocalDate fin = LocalDate.of(2026, 12, 31);
        for (boolean rafraichi : new boolean[] {false, true}) {
            for (Granularite g : Granularite.values()) {
                LigneFlux total = statistiques.flux(debut, fin, g, GESTIONNAIRE).total();
                assertEquals(g + " " + rafraichi, 1, total.nouvelles());
                assertEquals(g + " " + rafraichi, 4, total.reprises());
                assertEquals(g + " " + rafraichi, 5, total.stockFin());
                assertTrue(g + " " + rafraichi, total.equilibree());
            }
            LigneMensuelle decembre = statistiquesStore.serie(debut, fin, null).get(0);
            assertEquals(1, decembre.nouvelles());
            assertEquals(4, decembre.reprises());
            statistiquesStore.rafraichir();
        }
        assertEquals(4, db.count("select coalesce(sum(n), 0) from stat_flux_mois where nature = 'REPRISE'"));
        // the guichet's day of the import
        assertEquals(1, statistiques.flux(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 4), Granularite.GUICHET,
                GESTIONNAIRE).total().reprises());
    }

    @Test
    public void unePeriodeQuiNEnEstPasUneEstRefuseeEnNommantLeChamp() {
        try {
            statistiques.flux(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), Granularite.COMMUNE, GESTIONNAIRE);
            fail("fin avant début");
        } catch (DemandeInvalideException e) {
            assertEquals("fin", e.getErreurs().get(0).champ());
        }
        try {
            statistiques.flux(null, LocalDate.of(2026, 1, 1), null, GESTIONNAIRE);
            fail("début et granularité manquants");
        } catch (DemandeInvalideException e) {
            assertEquals(List.of("debut", "granularite"), e.getErreurs().stream().map(x -> x.champ()).toList());
        }
    }
}
