package org.registrehub.departemental.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.ImportService;
import org.registrehub.api.LigneRejetee;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.departemental.spi.ExtraitStore;
import org.registrehub.api.registre.spi.ImportStore;
import org.registrehub.api.TravailImport;
import org.registrehub.testing.ExtraitsDeTest;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.Identites;
import org.registrehub.testing.TestDatabase;
import org.registrehub.testing.registre.RegistreDeTest;

/**
 * Imports of departmental extracts on the real register (PostgreSQL store, import service with the registration
 * rules): the documented Latin-1 CSV and UTF-8 XML examples, the rejects report, idempotent re-import, resume after
 * an interruption, and extracts refused whole.
 */
public class ImportExtraitsTest {

    @Rule
    public TemporaryFolder dossier = new TemporaryFolder();

    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"), null);
    private TestDatabase db;
    private RegistreDeTest base;
    private ImportStore store;
    private ImportService service;
    private ImportExtraitsImpl imports;
    private final List<String> progression = new ArrayList<>();
    private static final Contexte ADMIN = new Contexte(Identites.admin(), Canal.CONSOLE);
    /** The active accounts, as the security bundle would find them. */
    private final java.util.Map<String, org.registrehub.api.acces.Identite> actifs = new java.util.HashMap<>(
            java.util.Map.of("gestionnaire.44", Identites.gestionnaire44(), "admin", Identites.admin()));
    private final org.registrehub.api.acces.AuthentificationService identites =
            new org.registrehub.api.acces.AuthentificationService() {
                @Override
                public java.util.Optional<org.registrehub.api.acces.Identite> authentifier(String id, char[] mdp) {
                    throw new AssertionError("no password check in an import");
                }

                @Override
                public java.util.Optional<org.registrehub.api.acces.Identite> identite(String identifiant) {
                    return java.util.Optional.ofNullable(actifs.get(identifiant));
                }

                @Override
                public java.util.Optional<org.registrehub.api.acces.Identite> identiteOrganisation(String code) {
                    return java.util.Optional.empty();
                }
            };

    @Before
    public void setUp() throws Exception {
        horloge.jour("2026-12-01");
        db = TestDatabase.create("registre_import_test");
        base = RegistreDeTest.ouvrir(db);
        store = base.store(ImportStore.class);
        service = base.imports(horloge);
        imports = new ImportExtraitsImpl(service, store, base.baux(), identites, 1000, "/", dossier.newFolder("rapports").toString(), 10, 0);
    }

    @After
    public void tearDown() {
        if (base != null) {
            base.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** The example's header up to {@code handicap}: the lines these tests write have no household columns. */
    private static String entetePremieresColonnes() throws java.io.IOException {
        String entete = Files.readString(exemple("extrait-pdl-latin1.csv"), StandardCharsets.ISO_8859_1)
                .split("\r\n")[0];
        return entete.substring(0, entete.indexOf(";co_nom"));
    }

    private static Path exemple(String nom) {
        return Path.of(System.getProperty("registre.exemples"), "exemples/departemental", nom);
    }

    private Demande demandeDe(String ancien) {
        String numero = db.count("select count(*) from demande where ancien_numero = '" + ancien + "'") == 1
                ? texte("select numero_unique from demande where ancien_numero = '" + ancien + "'") : null;
        return base.demandes().trouver(numero).orElseThrow();
    }

    private String texte(String sql) {
        try (var c = db.connect(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void extraitCsvLatin1ImporteAvecSesRejetsEtSonAnciennete() throws Exception {
        TravailImport t = imports.importer(exemple("extrait-pdl-latin1.csv"), null, false, ADMIN, progression::add);
        assertEquals(t.erreur(), TravailImport.TERMINE, t.etat());
        assertEquals("ISO-8859-1", t.encodage());
        assertEquals(6, t.position());
        assertEquals(3, t.importees());
        assertEquals(3, t.rejetees());
        assertEquals("the records counted when it opened: the lines but the header", Long.valueOf(6), t.total());
        assertEquals(100, t.pourcentage());

        Demande maelle = demandeDe("PDL044-0326-000101-S001");
        assertTrue(maelle.numeroUnique(), maelle.numeroUnique().matches("0440326[0-9]{6}G4401"));
        assertEquals("Maëlle", maelle.dossier().demandeur().prenoms());
        assertEquals(java.time.LocalDate.of(2026, 3, 15), maelle.dateDepot());
        assertEquals(java.time.LocalDate.of(2027, 3, 15), maelle.dateValidite());
        assertEquals("12 bd de l'Égalité", demandeDe("PDL044-0426-000102-S001").dossier().contact().adresse());
        Demande clemence = demandeDe("PDL085-0126-000044-S012");
        assertTrue(clemence.numeroUnique().startsWith("0850126"));
        // the household of the extract: a co-applicant with a resource, two dependants, in the demand and its figures
        assertEquals("Yann", clemence.dossier().coDemandeur().personne().prenoms());
        assertEquals(org.registrehub.api.LienCoDemandeur.CONCUBIN, clemence.dossier().coDemandeur().lien());
        assertEquals(List.of("Lou", "Noé"), clemence.dossier().personnesACharge().stream()
                .map(org.registrehub.api.PersonneACharge::prenoms).toList());
        assertEquals(4, clemence.dossier().tailleMenage());
        assertTrue(clemence.dossier().ressources().stream().anyMatch(r -> r.beneficiaire()
                == org.registrehub.api.Beneficiaire.CO_DEMANDEUR && r.montantMensuel().intValue() == 1580));
        assertEquals("DEUX_DEMANDEURS_AVEC_PERSONNES_A_CHARGE", texte("select stat_composition(co_demandeur,"
                + " personnes_a_charge) from stat_demande where numero_unique = '" + clemence.numeroUnique() + "'"));
        assertEquals(null, maelle.dossier().coDemandeur());
        assertEquals(1, maelle.dossier().tailleMenage());
        // the departmental number to the numéro unique and back
        assertEquals(maelle.numeroUnique(), imports.correspondance(" PDL044-0326-000101-S001 ", ADMIN).orElseThrow()[0]);
        assertEquals("PDL044-0326-000101-S001", imports.correspondance(maelle.numeroUnique(), ADMIN).orElseThrow()[1]);
        assertTrue(imports.correspondance("PDL044-1325-000103-S001", ADMIN).isEmpty());
        assertEquals(3, db.count("select count(*) from demande_historique where canal = 'IMPORT'"
                + " and commentaire like 'import de l''ancien numéro %'"));
        assertEquals("un événement par demande, pour les bailleurs et le registre national", 3,
                db.count("select count(*) from outbox"));
        assertEquals("les demandes reprises entrent au stock comme reprises, pas comme nouvelles", 3,
                db.count("select count(*) from stat_mouvement where nature = 'REPRISE'"));
        assertEquals(0, db.count("select count(*) from stat_mouvement where nature = 'ENTREE'"));

        List<LigneRejetee> rejets = store.rejets(t.id());
        assertEquals(List.of(5L, 6L, 7L), rejets.stream().map(LigneRejetee::ligne).toList());
        assertEquals("date_depot", rejets.get(0).champ());
        assertEquals("dossier.contact.codePostal", rejets.get(1).champ());
        assertTrue(rejets.get(2).motif(), rejets.get(2).motif().startsWith("doublon présumé de la ligne 2"
                + " (PDL044-0326-000101-S001) du même extrait"));
        String rapport = Files.readString(imports.rapportRejets(t.id(), ADMIN), StandardCharsets.UTF_8);
        assertTrue(rapport, rapport.startsWith("ligne;ancien_numero;champ;motif"));
        assertTrue(rapport, rapport.contains("5;PDL044-1325-000103-S001;date_depot;\"date_depot : date attendue au format"
                + " jj/mm/aaaa ou aaaa-mm-jj ; motifs : valeur « trop petit » inconnue"));
        assertTrue(progression.toString(), progression.get(progression.size() - 1).contains("3 importée(s), 0 déjà"
                + " importée(s), 3 rejetée(s)"));

        // the same extract again: nothing to do; forced: every line recognised, nothing created twice
        TravailImport encore = imports.importer(exemple("extrait-pdl-latin1.csv"), null, false, ADMIN,
                progression::add);
        assertEquals(t.id(), encore.id());
        TravailImport force = imports.importer(exemple("extrait-pdl-latin1.csv"), null, true, ADMIN, progression::add);
        assertEquals(3, force.dejaImportees());
        assertEquals(0, force.importees());
        assertEquals(3, db.count("select count(*) from demande"));
    }

    /**
     * A batch is written by one statement per table (issue 23): the register's statement triggers run once per batch
     * — the statistics add one change per counted modality and statement to {@code stat_stock_ecart}, so 2,500 lines of
     * one profile in batches of 1,000 leave 3 × 4 rows (per line they left 4 per demand) — and every derived row is
     * still there: one audit line per demand as a registration writes it, the events' recipients (a landlord of the
     * département and one of an EPCI holding the commune, not an inactive one), the statistics and the matching.
     */
    @Test
    public void unLotSEcritEnUneInstructionParTableAvecTousSesDerives() throws Exception {
        db.execute("INSERT INTO organisation (code, type, nom) VALUES ('HABITAT44', 'BAILLEUR', 'Habitat 44'),"
                + " ('METRO-HLM', 'BAILLEUR', 'Métropole HLM'), ('ANCIEN-HLM', 'BAILLEUR', 'Ancien HLM')");
        db.execute("UPDATE organisation SET active = false WHERE code = 'ANCIEN-HLM'");
        db.execute("INSERT INTO epci (code, nom) VALUES ('244400404', 'Nantes Métropole')");
        db.execute("INSERT INTO epci_commune (epci, commune) VALUES ('244400404', '44109')");
        db.execute("INSERT INTO organisation_territoire (organisation_id, territoire) SELECT id, CASE code"
                + " WHEN 'METRO-HLM' THEN '244400404' ELSE '044' END FROM organisation");
        // the generated lines were filed 40 days before today
        horloge.jour(java.time.LocalDate.now(ZoneId.of("Europe/Paris")).toString());
        Path extrait = dossier.getRoot().toPath().resolve("lots.csv");
        ExtraitsDeTest.generer(extrait, "LOT-", 2500, 100);

        TravailImport t = imports.importer(extrait, null, false, ADMIN, progression::add);

        assertEquals(t.erreur(), TravailImport.TERMINE, t.etat());
        assertEquals(2475, t.importees());
        assertEquals(25, t.rejetees());
        assertEquals("one statement per table and batch: 4 statistical changes per batch", 12,
                db.count("select count(*) from stat_stock_ecart"));
        assertEquals(2475, db.count("select sum(n) from stat_stock_ecart where dimension = 'TYPOLOGIE'"));
        assertEquals(2475, db.count("select count(*) from stat_demande"));
        assertEquals("une ligne de rapprochement par commune et typologie souhaitées", 2 * 2475,
                db.count("select count(*) from rapprochement"));
        assertEquals(2475, db.count("select count(*) from audit a join demande d using (numero_unique)"
                + " where a.canal = 'IMPORT' and a.operation = 'ENREGISTREMENT' and a.acteur = 'admin'"
                + " and a.territoire = '044' and a.details = 'import de l''ancien numéro ' || d.ancien_numero"
                + " || ' (ligne ' || (substr(d.ancien_numero, 5)::int + 1) || ')'"));
        assertEquals("audit lines in the order of the history", 0, db.count("select count(*) from (select a.id,"
                + " h.id as h, lag(h.id) over (order by a.id) as avant from audit a join demande_historique h"
                + " using (numero_unique)) x where h < avant"));
        assertEquals(2475, db.count("select count(*) from outbox where destinataires = '{HABITAT44,METRO-HLM}'"));
        assertEquals(List.of("LOT-1", "LOT-2", "LOT-3"), List.of(texte("select ancien_numero from demande order by"
                + " id limit 1"), texte("select ancien_numero from demande order by id offset 1 limit 1"),
                texte("select ancien_numero from demande order by id offset 2 limit 1")));
    }

    @Test
    public void extraitSortantDesChangementsSansDonneeNominativeChacunUneFois() throws Exception {
        imports.importer(exemple("extrait-pdl-latin1.csv"), null, false, ADMIN, progression::add);
        // the changes are stamped by the service's clock (2026-12-01); the extract runs later
        horloge.jour("2026-12-02");
        Path sortie = dossier.newFolder("extraits").toPath();
        ExtraitSortant extraits = new ExtraitSortant(new ExtraitPostgres(base.base()), sortie, StandardCharsets.ISO_8859_1,
                java.time.LocalTime.of(3, 0), ZoneId.of("Europe/Paris"), horloge);
        String bilan = extraits.produire();
        assertTrue(bilan, bilan.contains(": 3 ligne(s) dans "));
        try (var fichiers = Files.list(sortie)) {
            List<Path> produits = fichiers.toList();
            assertEquals(produits.toString(), 1, produits.size());
            List<String> lignes = Files.readAllLines(produits.get(0), StandardCharsets.ISO_8859_1);
            assertEquals("numero_unique;ancien_numero;operation;horodatage;canal;statut;guichet;date_depot;"
                    + "date_validite;motif_radiation;date_radiation", lignes.get(0));
            assertEquals(4, lignes.size());
            assertTrue(lignes.get(1), lignes.get(1).matches("0440326[0-9]{6}G4401;PDL044-0326-000101-S001;"
                    + "ENREGISTREMENT;2026-12-01T09:00:00Z;IMPORT;ACTIVE;G4401;2026-03-15;2027-03-15;;"));
            assertTrue("aucun nom", lignes.stream().noneMatch(l -> l.contains("Guennec")));
        }
        assertTrue(extraits.produire().startsWith("Aucun extrait produit"));
        horloge.avancer(java.time.Duration.ofDays(1));
        assertTrue(extraits.produire().contains(": 0 ligne(s)"));
    }

    /** An extract sent through a web page: kept in the import folder under a clean name, then imported from there. */
    @Test
    public void unExtraitTeleverseEstRecuPuisImporte() throws Exception {
        Path racine = dossier.newFolder("import").toPath();
        ImportExtraitsImpl web = new ImportExtraitsImpl(service, store, base.baux(), identites, 1000,
                racine.toString(), dossier.newFolder("rapports-web").toString(), 1, 0);
        Path recu;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(exemple("extrait-pdl-latin1.csv"))) {
            recu = web.recevoir("C:\\Mes documents\\extrait pdl;rm.csv", in, ADMIN);
        }
        assertTrue(recu.toString(), recu.getFileName().toString().endsWith("-extrait_pdl_rm.csv"));
        assertEquals(racine.resolve("televerses"), recu.getParent());
        TravailImport t = web.importer(recu, null, false, ADMIN, progression::add);
        assertEquals(t.erreur(), TravailImport.TERMINE, t.etat());
        assertEquals(3, t.importees());
        // larger than the limit (1 Mo here): refused, nothing kept
        IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> web.recevoir("gros.csv", new java.io.ByteArrayInputStream(new byte[2 * 1024 * 1024]), ADMIN));
        assertTrue(e.getMessage(), e.getMessage().contains("trop volumineux"));
        try (var l = java.nio.file.Files.list(recu.getParent())) {
            assertEquals(1, l.count());
        }
    }

    @Test
    public void extraitXmlUtf8ImporteEtRegleDuRegistreAppliquee() {
        TravailImport t = imports.importer(exemple("extrait-pdl.xml"), null, false, ADMIN, progression::add);
        assertEquals(t.erreur(), TravailImport.TERMINE, t.etat());
        assertEquals("UTF-8", t.encodage());
        assertEquals(1, t.importees());
        assertEquals("its <demande> elements, not <demandeur>", Long.valueOf(2), t.total());
        LigneRejetee rejet = store.rejets(t.id()).get(0);
        assertEquals(2, rejet.ligne());
        assertEquals("PDL049-0326-000211-S020", rejet.ancienNumero());
        assertEquals("dossier.demandeur.dateNaissance", rejet.champ());
        assertTrue(rejet.motif(), rejet.motif().contains("age-minimum"));
        Demande ines = demandeDe("PDL049-0226-000210-S020");
        assertEquals("Inès", ines.dossier().demandeur().prenoms());
        assertEquals(List.of("Jade", "Hugo"), ines.dossier().personnesACharge().stream()
                .map(org.registrehub.api.PersonneACharge::prenoms).toList());
        assertEquals(3, ines.dossier().tailleMenage());
    }

    @Test
    public void unMenageMalDecritEstRejeteEnNommantLaColonne() throws Exception {
        Path extrait = dossier.getRoot().toPath().resolve("menages.csv");
        String entete = Files.readString(exemple("extrait-pdl-latin1.csv"), StandardCharsets.ISO_8859_1)
                .split("\r\n")[0];
        String debut = ";01/10/2026;;G4401;Nom%s;Prénom;01/01/1980;;F;française;;CDI;;marié;1 rue A;44000;Nantes;;;SAL;"
                + "1500;;locataire privé;500;;;1;T3;44109;;sans logement;non;";
        List<String> lignes = List.of(entete,
                // a co-applicant without a birth date nor a link: the register's rule names the field
                "ANC-1" + debut.formatted("a") + "Dupont;Luc;;M;française;CDI;;;;;;;;;;;;;",
                // a dependant numbered 2 with no number 1
                "ANC-2" + debut.formatted("b") + ";;;;;;;;;;;;;;Dupont;Léa;01/01/2020;F;enfant",
                // an unknown link
                "ANC-3" + debut.formatted("c") + ";;;;;;;;;Dupont;Léo;01/01/2020;M;cousin;;;;;",
                // a full household
                "ANC-4" + debut.formatted("d") + "Dupont;Luc;02/02/1981;M;française;CDI;conjoint;SAL;1700;Dupont;Léa;"
                        + "01/01/2020;F;enfant;;;;;");
        Files.write(extrait, lignes, StandardCharsets.UTF_8);
        TravailImport t = imports.importer(extrait, null, false, ADMIN, progression::add);
        assertEquals(t.erreur(), TravailImport.TERMINE, t.etat());
        assertEquals(1, t.importees());
        List<LigneRejetee> rejets = store.rejets(t.id());
        assertEquals(List.of("ANC-1", "ANC-2", "ANC-3"), rejets.stream().map(LigneRejetee::ancienNumero).toList());
        assertTrue(rejets.get(0).champ(), rejets.get(0).champ().startsWith("dossier.coDemandeur."));
        assertEquals("pac2_nom", rejets.get(1).champ());
        assertTrue(rejets.get(1).motif(), rejets.get(1).motif().contains("pac1_… attendu avant pac2_…"));
        assertEquals("pac1_lien", rejets.get(2).champ());
        assertEquals(3, demandeDe("ANC-4").dossier().tailleMenage());
    }

    @Test
    public void unGestionnaireNImporteQueSonTerritoire() {
        Contexte gestionnaire44 = new Contexte(Identites.gestionnaire44(), Canal.CONSOLE);
        TravailImport t = imports.importer(exemple("extrait-pdl-latin1.csv"), null, false, gestionnaire44,
                progression::add);
        assertEquals(2, t.importees());
        assertTrue(store.rejets(t.id()).stream().anyMatch(r -> r.ancienNumero().equals("PDL085-0126-000044-S012")
                && r.motif().equals("territoire 085 hors de ceux de DDETS44")));
    }

    @Test
    public void importInterrompuRepriseApresSonDernierLotSansDoublon() throws Exception {
        Path extrait = dossier.getRoot().toPath().resolve("gros.csv");
        List<String> lignes = new ArrayList<>(List.of(entetePremieresColonnes()));
        for (int i = 0; i < 25; i++) {
            lignes.add("ANC-" + i + ";01/10/2026;;G4401;Nom" + (char) ('a' + i) + ";Prénom;01/01/1980;;F;française;;"
                    + "CDI;;célibataire;1 rue A;44000;Nantes;;;SAL;1500;;locataire privé;500;;;1;T2;44109;;sans logement;non");
        }
        lignes.add(lignes.get(3).replace("01/10/2026", "32/10/2026").replace("ANC-2;", "ANC-X;"));
        Files.write(extrait, lignes, StandardCharsets.UTF_8);

        // the register goes away at the third batch of 4 lines
        AtomicInteger lots = new AtomicInteger();
        ImportService fragile = (id, l, r, p, c) -> {
            if (lots.incrementAndGet() == 3) {
                throw new RegistreIndisponibleException("base perdue", null);
            }
            return service.importerLot(id, l, r, p, c);
        };
        ImportExtraitsImpl premier = new ImportExtraitsImpl(fragile, store, base.baux(), identites, 4, "/", dossier.getRoot().toString(), 10, 0);
        try {
            premier.importer(extrait, null, false, ADMIN, progression::add);
            fail("la base a disparu");
        } catch (RegistreIndisponibleException attendu) {
            // the import stops where its last batch ended
        }
        TravailImport arrete = store.interrompus().get(0);
        assertEquals(8, arrete.position());
        assertEquals(store.rejets(arrete.id()).toString(), 8, db.count("select count(*) from demande"));

        ImportExtraitsImpl second = new ImportExtraitsImpl(service, store, base.baux(), identites, 4, "/", dossier.getRoot().toString(), 10, 0);
        second.reprendre(ADMIN, progression::add);
        TravailImport fini = store.travail(arrete.id()).orElseThrow();
        assertEquals(TravailImport.TERMINE, fini.etat());
        assertEquals(26, fini.position());
        assertEquals(25, fini.importees());
        assertEquals(1, fini.rejetees());
        assertEquals(25, db.count("select count(distinct ancien_numero) from demande"));
        assertEquals(1, db.count("select count(*) from import_rejet"));
        assertTrue(progression.toString(), progression.contains("Reprise de l'import " + arrete.id()
                + " après la ligne 8 (8 importée(s), 0 rejetée(s) avant)"));
    }

    /** 12 lines, the even ones in 044 (commune 44109), the odd ones in 085 (85191). */
    private Path extraitDeuxDepartements() throws Exception {
        Path extrait = dossier.getRoot().toPath().resolve("deux-departements.csv");
        List<String> lignes = new ArrayList<>(List.of(entetePremieresColonnes()));
        for (int i = 0; i < 12; i++) {
            lignes.add("ANC-" + i + ";01/10/2026;;G4401;Nom" + (char) ('a' + i) + ";Prénom;01/01/1980;;F;française;;"
                    + "CDI;;célibataire;1 rue A;44000;Nantes;;;SAL;1500;;locataire privé;500;;;1;T2;"
                    + (i % 2 == 0 ? "44109" : "85191") + ";;sans logement;non");
        }
        Files.write(extrait, lignes, StandardCharsets.UTF_8);
        return extrait;
    }

    /** Starts the import as the gestionnaire of the 44 and cuts it off (the database lost) at its second batch. */
    private TravailImport interrompuParGestionnaire44(Path extrait) {
        AtomicInteger lots = new AtomicInteger();
        ImportService fragile = (id, l, r, p, c) -> {
            if (lots.incrementAndGet() == 2) {
                throw new RegistreIndisponibleException("base perdue", null);
            }
            return service.importerLot(id, l, r, p, c);
        };
        try {
            new ImportExtraitsImpl(fragile, store, base.baux(), identites, 4, "/", dossier.getRoot().toString(), 10, 0)
                    .importer(extrait, null, false, new Contexte(Identites.gestionnaire44(), Canal.CONSOLE),
                            progression::add);
            fail("la base a disparu");
        } catch (RegistreIndisponibleException attendu) {
            // stopped after its first batch
        }
        TravailImport arrete = store.interrompus().get(0);
        assertEquals("gestionnaire.44", arrete.lancePar());
        assertEquals("CONSOLE", arrete.canal());
        assertEquals(4, arrete.position());
        return arrete;
    }

    @Test
    public void uneRepriseSeFaitSousLIdentiteDeCeluiQuiALanceLImport() throws Exception {
        TravailImport arrete = interrompuParGestionnaire44(extraitDeuxDepartements());

        // the restart resumes it with the drop folder's (administrator's) context at hand: the lines of the 085 after
        // the cut are still refused, as they were before it
        new ImportExtraitsImpl(service, store, base.baux(), identites, 4, "/", dossier.getRoot().toString(), 10, 0)
                .reprendre(ADMIN, progression::add);
        TravailImport fini = store.travail(arrete.id()).orElseThrow();
        assertEquals(TravailImport.TERMINE, fini.etat());
        assertEquals(6, fini.importees());
        assertEquals(6, fini.rejetees());
        assertEquals(0, db.count("select count(*) from demande where territoire = '085'"));
        assertTrue(store.rejets(arrete.id()).stream().allMatch(r -> r.motif().equals(
                "territoire 085 hors de ceux de DDETS44")));
    }

    @Test
    public void uneRepriseDontLeCompteEstDesactiveNeSeFaitPas() throws Exception {
        TravailImport arrete = interrompuParGestionnaire44(extraitDeuxDepartements());
        actifs.remove("gestionnaire.44");
        new ImportExtraitsImpl(service, store, base.baux(), identites, 4, "/", dossier.getRoot().toString(), 10, 0)
                .reprendre(ADMIN, progression::add);
        TravailImport fin = store.travail(arrete.id()).orElseThrow();
        assertEquals(TravailImport.ECHEC, fin.etat());
        assertTrue(fin.erreur(), fin.erreur().contains("le compte « gestionnaire.44 » qui a lancé l'import n'existe"
                + " plus ou est désactivé"));
        assertEquals("only the first batch's 044 lines", 2, db.count("select count(*) from demande"));
    }

    @Test
    public void seulsLesExtraitsDuDossierDImportSontLusEtLesRapportsRestentACeluiQuiAImporte() throws Exception {
        Path racine = dossier.newFolder("import").toPath();
        ImportExtraitsImpl confine = new ImportExtraitsImpl(service, store, base.baux(), identites, 1000, racine.toString(),
                dossier.newFolder("rapports-confines").toString(), 10, 0);
        // outside the folder, directly or through a link: refused before anything is read
        Path lien = racine.resolve("passwd.csv");
        Files.createSymbolicLink(lien, Path.of("/etc/passwd"));
        for (Path dehors : List.of(exemple("extrait-pdl-latin1.csv"), lien, racine.resolve("../rapports/x.csv"))) {
            try {
                confine.importer(dehors, null, false, ADMIN, progression::add);
                fail("read outside the import folder: " + dehors);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("hors du dossier d'import")
                        || e.getMessage().contains("introuvable"));
            }
        }
        assertEquals(0, db.count("select count(*) from import_departemental"));

        // inside, by its name; a formula in a rejected line's number comes out as text
        List<String> lignes = new ArrayList<>(List.of(Files.readString(exemple("extrait-pdl-latin1.csv"),
                StandardCharsets.ISO_8859_1).split("\r\n")));
        String modele = lignes.stream().filter(l -> l.startsWith("PDL044-0426-000102-S001")).findFirst().orElseThrow();
        lignes.add(modele.replace("PDL044-0426-000102-S001", "=HYPERLINK(\"http://x\")")
                .replace("02/04/2026", "32/04/2026"));
        Files.write(racine.resolve("depose.csv"), lignes, StandardCharsets.ISO_8859_1);
        Contexte gestionnaire44 = new Contexte(Identites.gestionnaire44(), Canal.CONSOLE);
        TravailImport t = confine.importer(Path.of("depose.csv"), null, false, gestionnaire44, progression::add);
        Path rapport = confine.rapportRejets(t.id(), gestionnaire44);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(rapport)));
        String csv = Files.readString(rapport, StandardCharsets.UTF_8);
        assertTrue(csv, csv.contains("'=HYPERLINK") && !csv.contains(";=HYPERLINK"));
        try {
            confine.rapportRejets(t.id(), new Contexte(Identites.guichet44(), Canal.CONSOLE));
            fail("another's rejects report");
        } catch (org.registrehub.api.AccesRefuseException attendu) {
            // to whoever started it, and administrators
        }
        // the numéro of another territory is not told to the gestionnaire of the 44
        Contexte gestionnaire59 = new Contexte(Identites.guichet("g59", "DDETS59", null, "059"), Canal.CONSOLE);
        assertTrue(confine.correspondance("PDL044-0326-000101-S001", gestionnaire44).isPresent());
        assertTrue(confine.correspondance("PDL044-0326-000101-S001", gestionnaire59).isEmpty());
    }

    @Test
    public void extraitsRefusesEntiersSansRienEcrire() throws Exception {
        Path sansColonnes = dossier.getRoot().toPath().resolve("incomplet.csv");
        Files.writeString(sansColonnes, "ancien_numero;nom\nA1;Martin\n");
        TravailImport t = imports.importer(sansColonnes, null, false, ADMIN, progression::add);
        assertEquals(TravailImport.ECHEC, t.etat());
        assertTrue(t.erreur(), t.erreur().contains("colonne(s) obligatoire(s) absente(s) de l'en-tête : [date_depot,"));

        Path entites = dossier.getRoot().toPath().resolve("entites.xml");
        Files.writeString(entites, "<?xml version=\"1.0\"?><!DOCTYPE extrait [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<extrait><demande ancienNumero=\"A\"><nom>&x;</nom></demande></extrait>");
        TravailImport x = imports.importer(entites, null, false, ADMIN, progression::add);
        assertEquals(TravailImport.ECHEC, x.etat());
        assertTrue(x.erreur(), x.erreur().contains("DTD"));

        Path utf8Annonce = dossier.getRoot().toPath().resolve("faux-utf8.csv");
        Files.write(utf8Annonce, Files.readAllBytes(exemple("extrait-pdl-latin1.csv")));
        TravailImport e = imports.importer(utf8Annonce, "UTF-8", false, ADMIN, progression::add);
        assertEquals(TravailImport.ECHEC, e.etat());
        assertTrue(e.erreur(), e.erreur().contains("octets invalides pour l'encodage choisi"));
        assertEquals(0, db.count("select count(*) from demande"));
        try {
            imports.importer(dossier.getRoot().toPath().resolve("absent.csv"), null, false, ADMIN, progression::add);
            fail("fichier absent");
        } catch (IllegalArgumentException attendu) {
            assertTrue(attendu.getMessage().startsWith("Fichier introuvable"));
        }
    }
}
