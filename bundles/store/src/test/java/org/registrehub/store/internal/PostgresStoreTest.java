package org.registrehub.store.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.PrintWriter;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Changement;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.Dossier;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.Operation;
import org.registrehub.api.Personne;
import org.registrehub.api.Radiation;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.Statut;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.PersonneBuilder;
import org.registrehub.testing.TestDatabase;

/** The store against a real, throw-away PostgreSQL database. */
public class PostgresStoreTest {

    private static final JacksonJsonCodec JSON = new JacksonJsonCodec();

    private TestDatabase db;
    private SwitchableDataSource dataSource;
    private PostgresStore store;

    @Before
    public void setUp() {
        db = TestDatabase.create("registre_store_test");
        dataSource = new SwitchableDataSource(db.dataSource());
        store = new PostgresStore(dataSource, Map.of("url", db.jdbcUrl()), JSON, null, config(), Clock.systemUTC());
        await("store UP").atMost(Duration.ofSeconds(30)).until(store::etat, e -> e.statut() == EtatSante.Statut.UP);
    }

    @After
    public void tearDown() {
        if (store != null) {
            store.deactivate();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void migrationsCreateTheSchema() {
        assertTrue(store.etat().message(), store.etat().message().contains("schéma version 18"));
        assertEquals(18, db.count("select count(*) from flyway_schema_history where success"));
    }

    @Test
    public void theWholeDossierIsStoredAndTheSearchedFieldsCopied() {
        Demande d = meme("0441123000009G1104");
        store.inserer(d, creation(Canal.SOAP), evenement(d), Set.of(), null);
        Demande lue = store.trouver(d.numeroUnique()).orElseThrow();
        assertEquals(d.dossier(), lue.dossier());
        assertEquals(1, db.count("select count(*) from demande where nom = 'Martin' and prenoms = 'Léa Marie'"
                + " and commune = '44109' and typologie = 'T3' and nir = '" + Exemples.NIR_DEMANDEUSE + "'"
                + " and date_validite = date '2024-11-02' and territoire = '044'"));
    }

    @Test
    public void insertWritesTheDemandAndItsEventTogether() {
        Demande d = demande("0441123000001G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);

        assertEquals(d, store.trouver(d.numeroUnique()).orElseThrow());
        assertEquals(1, store.enAttente());
        assertEquals(1, db.count("select count(*) from demande where canal_creation = 'REST'"));
    }

    @Test
    public void failedInsertWritesNeitherDemandNorEvent() {
        Demande d = demande("0441123000002G1104");
        store.inserer(d, creation(Canal.SOAP), evenement(d), Set.of(), null);
        try {
            // same numéro (its duplicate accepted, so that the unique constraint is what stops it)
            store.inserer(d, creation(Canal.SOAP), evenement(d), Set.of(d.numeroUnique()), null);
            fail("a duplicate numéro must be refused");
        } catch (RegistreException e) {
            assertEquals("EXISTE_DEJA", e.getCode());
            assertTrue(e.getMessage(), e.getMessage().contains("déjà celui d'une autre demande"));
        }
        assertEquals(1, db.count("select count(*) from demande"));
        assertEquals(1, db.count("select count(*) from outbox"));
    }

    @Test
    public void schemaRefusesMalformedNumbers() {
        Demande d = demande("BAD");
        try {
            store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
            fail("the check constraint must refuse a malformed numéro");
        } catch (RegistreException e) {
            assertEquals("ERREUR_INTERNE", e.getCode());
        }
        assertEquals(0, db.count("select count(*) from outbox"));
    }

    @Test
    public void updateChecksTheVersionAndHistorizes() {
        Demande d = demande("0441123000020G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        Demande r = radiee(d);
        store.mettreAJour(r, 0, entree(1, Operation.RADIATION, new Changement("statut", "ACTIVE", "RADIEE")),
                evenement(r), null);
        Demande lue = store.trouver(d.numeroUnique()).orElseThrow();
        assertEquals(r, lue);
        assertEquals(1, db.count("select count(*) from demande where statut = 'RADIEE' and motif_radiation = "
                + "'ATTRIBUTION' and date_radiation = date '2024-02-01' and version = 1"));

        List<EntreeHistorique> historique = store.historique(d.numeroUnique());
        assertEquals(2, historique.size());
        assertEquals(Operation.ENREGISTREMENT, historique.get(0).operation());
        assertEquals(Operation.RADIATION, historique.get(1).operation());
        assertEquals(List.of(new Changement("statut", "ACTIVE", "RADIEE")), historique.get(1).changements());
        assertEquals("agent-1", historique.get(1).acteur());
        assertEquals("motif 1", historique.get(1).commentaire());
        assertEquals(2, store.enAttente());
    }

    @Test
    public void aStaleVersionWritesNothing() {
        Demande d = demande("0441123000021G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        Demande r = radiee(d);
        store.mettreAJour(r, 0, entree(1, Operation.RADIATION), evenement(r), null);
        try {
            store.mettreAJour(radiee(d), 0, entree(1, Operation.RADIATION), evenement(r), null);
            fail("version 0 is stale");
        } catch (VersionObsoleteException e) {
            assertEquals(1, e.getVersionActuelle());
        }
        try {
            store.mettreAJour(radiee(demande("0441123000099G1104")), 0, entree(1, Operation.RADIATION), evenement(r), null);
            fail("unknown numéro");
        } catch (DemandeIntrouvableException expected) {
            assertEquals("0441123000099G1104", expected.getNumeroUnique());
        }
        assertEquals(2, db.count("select count(*) from demande_historique where numero_unique = '0441123000021G1104'"));
        assertEquals(2, store.enAttente());
    }

    @Test
    public void concurrentUpdatesOfTheSameVersionLetExactlyOneWin() throws Exception {
        Demande d = demande("0441123000022G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch depart = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger gagnants = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger perdants = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    depart.await();
                    Demande r = radiee(d);
                    try {
                        store.mettreAJour(r, 0, entree(1, Operation.RADIATION), evenement(r), null);
                        gagnants.incrementAndGet();
                    } catch (VersionObsoleteException e) {
                        perdants.incrementAndGet();
                    }
                    return null;
                }));
            }
            depart.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, gagnants.get());
        assertEquals(threads - 1, perdants.get());
        assertEquals(2, db.count("select count(*) from demande_historique where numero_unique = '0441123000022G1104'"));
    }

    @Test
    public void duplicatesByNirOrByIdentityIgnoringAccentsAndCase() {
        Demande a = meme("0441123000030G1104");
        store.inserer(a, creation(Canal.REST), evenement(a), Set.of(), null);
        Personne meme = a.dossier().demandeur();

        Personne autreNom = PersonneBuilder.builder(meme).nom("Martin-Durand").prenoms("Léa").build();
        assertEquals("the duplicate and where it lies: its territory and wished communes",
                List.of(new org.registrehub.api.spi.DemandeStore.DoublonSitue(new Doublon("0441123000030G1104",
                        Doublon.NIR, "G1104", LocalDate.of(2023, 11, 2)), "044",
                        a.dossier().logementRecherche().communes())), store.doublons(autreNom));
        Personne sansNir = PersonneBuilder.builder(meme).nom("MARTIN").prenoms("lea Ève").nir(null).build();
        assertEquals(Doublon.IDENTITE, store.doublons(sansNir).get(0).doublon().critere());
        assertTrue(store.doublons(PersonneBuilder.builder(sansNir).dateNaissance(LocalDate.of(1990, 4, 13)).build())
                .isEmpty());
        assertTrue(store.doublons(PersonneBuilder.builder(sansNir).prenoms("Léon").build()).isEmpty());

        Demande r = radiee(a);
        store.mettreAJour(r, 0, entree(1, Operation.RADIATION), evenement(r), null);
        assertTrue("a radiated demand is no duplicate", store.doublons(meme).isEmpty());
    }

    @Test
    public void anUnknownDuplicateStopsTheInsertAKnownOneDoesNot() {
        Demande a = meme("0441123000031G1104");
        store.inserer(a, creation(Canal.REST), evenement(a), Set.of(), null);
        Demande b = meme("0441123000032G1104");
        try {
            store.inserer(b, creation(Canal.REST), evenement(b), Set.of(), null);
            fail("duplicate inserted");
        } catch (DoublonPresumeException e) {
            assertEquals("0441123000031G1104", e.getDoublons().get(0).numeroUnique());
        }
        assertFalse(store.trouver(b.numeroUnique()).isPresent());
        store.inserer(b, creation(Canal.REST), evenement(b), Set.of("0441123000031G1104"), null);
        assertTrue(store.trouver(b.numeroUnique()).isPresent());
    }

    @Test
    public void concurrentRegistrationsOfOnePersonLetOnlyOneThrough() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch depart = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger refus = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Demande d = meme(String.format("0441123%06dG1104", 40 + t));
                futures.add(pool.submit(() -> {
                    depart.await();
                    try {
                        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
                    } catch (DoublonPresumeException e) {
                        refus.incrementAndGet();
                    }
                    return null;
                }));
            }
            depart.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads - 1, refus.get());
        assertEquals(1, db.count("select count(*) from demande"));
    }

    @Test
    public void unknownNumberIsEmpty() {
        assertFalse(store.trouver("0441123999999G1104").isPresent());
    }

    @Test
    public void relayPublishesPendingEventsOnceInOrder() {
        List<String> numeros = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Demande d = demande(String.format("0441123%06dG1104", 100 + i));
            store.inserer(d, creation(Canal.ERP), evenement(d), Set.of(), null);
            numeros.add(d.numeroUnique());
        }
        List<String> publies = new ArrayList<>();
        assertEquals(3, store.relayer(3, e -> publies.add(e.numeroUnique())));
        assertEquals(2, store.relayer(10, e -> publies.add(e.numeroUnique())));
        assertEquals(0, store.relayer(10, e -> publies.add(e.numeroUnique())));
        assertEquals(numeros, publies);
        assertEquals(0, store.enAttente());
    }

    @Test
    public void failedPublicationLeavesEventsPending() {
        Demande d = demande("0441123000003G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        try {
            store.relayer(10, e -> {
                throw new IllegalStateException("broker down");
            });
            fail("the publication failure must propagate");
        } catch (IllegalStateException expected) {
            // the transaction is rolled back
        }
        assertEquals(1, store.enAttente());
        assertEquals(1, store.relayer(10, e -> { }));
    }

    @Test
    public void aFailedBrokerCommitLeavesTheBatchPendingAndASuccessfulOneComesBeforeTheMark() {
        Demande d = demande("0441123000004G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        java.util.List<String> publies = new java.util.ArrayList<>();
        try {
            store.relayer(10, e -> publies.add(e.numeroUnique()), () -> {
                throw new IllegalStateException("commit du broker impossible");
            });
            fail("the broker commit failure must propagate");
        } catch (IllegalStateException expected) {
            // nothing marked
        }
        assertEquals(List.of(d.numeroUnique()), publies);
        assertEquals(1, store.enAttente());
        long[] enAttenteAuCommit = {-1};
        assertEquals(1, store.relayer(10, e -> { }, () -> enAttenteAuCommit[0] = db.count(
                "select count(*) from outbox where publie_le is null")));
        assertEquals("another connection still sees the batch pending while the broker commits", 1,
                enAttenteAuCommit[0]);
        assertEquals(0, store.enAttente());
    }

    @Test
    public void outageIsReportedAndRecoveredWithoutRestart() {
        dataSource.down = true;
        Demande d = demande("0441123000004G1104");
        try {
            store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
            fail("an unreachable database must be reported");
        } catch (RegistreIndisponibleException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("injoignable"));
        }
        await("store DOWN").atMost(Duration.ofSeconds(10)).until(store::etat, e -> e.statut() == EtatSante.Statut.DOWN);
        assertTrue(store.etat().message(), store.etat().message().contains("Connection refused (simulated)"));

        dataSource.down = false;
        await("store UP").atMost(Duration.ofSeconds(30)).until(store::etat, e -> e.statut() == EtatSante.Statut.UP);
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        assertEquals(1, db.count("select count(*) from demande"));
    }

    @Test
    public void unreachableServerAtStartIsDownNotFatal() {
        PostgresStore orphan = new PostgresStore(new SwitchableDataSource(null), Map.of("url", "jdbc:test"), JSON, null,
                config(), Clock.systemUTC());
        try {
            await("orphan DOWN").atMost(Duration.ofSeconds(10)).until(orphan::etat, e -> e.statut() == EtatSante.Statut.DOWN);
            try {
                orphan.trouver("0441123000001G1104");
                fail("no schema yet: must be refused as unavailable");
            } catch (RegistreIndisponibleException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("pas prêt"));
            }
        } finally {
            orphan.deactivate();
        }
    }

    @Test
    public void aBrokenMigrationIsReportedAsSuchNotAsAnOutage() throws Exception {
        // a schema history whose checksum does not match the shipped migration: Flyway refuses to go on
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
        }
        PostgresStore autre = new PostgresStore(db.dataSource(), Map.of("url", db.jdbcUrl()), JSON, null, config(),
                Clock.systemUTC());
        try {
            await("autre DOWN").atMost(Duration.ofSeconds(10)).until(autre::etat, e -> e.statut() == EtatSante.Statut.DOWN);
            assertTrue(autre.etat().message(), autre.etat().message().startsWith("schéma de la base en échec"));
            assertFalse(autre.etat().message(), autre.etat().message().contains("injoignable"));
        } finally {
            autre.deactivate();
        }
    }

    /** A demand of its own applicant (a name derived from the numéro, no NIR): never a duplicate of another. */
    private static Demande demande(String numero) {
        String nom = "Martin " + numero.chars().filter(Character::isDigit).mapToObj(c -> String.valueOf(
                (char) ('a' + c - '0'))).collect(java.util.stream.Collectors.joining());
        Dossier d = Exemples.dossier(nom);
        return meme(numero, DossierBuilder.builder(d).demandeur(PersonneBuilder.builder(d.demandeur()).nir(null).build()).build());
    }

    /** A demand of the example applicant (Léa Martin, with her NIR). */
    private static Demande meme(String numero) {
        return meme(numero, Exemples.dossier("Martin"));
    }

    private static Demande meme(String numero, Dossier dossier) {
        return new Demande(numero, Statut.ACTIVE, "G1104", numero.length() >= 3 ? numero.substring(0, 3) : "044",
                LocalDate.of(2023, 11, 2), LocalDate.of(2024, 11, 2), null, null, 0, dossier);
    }

    private static EntreeHistorique creation(Canal canal) {
        return new EntreeHistorique(0, Instant.now(), Operation.ENREGISTREMENT, "test", canal, List.of(), null);
    }

    private static EntreeHistorique entree(long version, Operation operation, Changement... changements) {
        return new EntreeHistorique(version, Instant.now(), operation, "agent-" + version, Canal.CONSOLE,
                List.of(changements), "motif " + version);
    }

    private static Demande radiee(Demande d) {
        return new Demande(d.numeroUnique(), Statut.RADIEE, d.guichet(), d.territoire(), d.dateDepot(),
                d.dateValidite(), d.dateDernierRenouvellement(), new Radiation(MotifRadiation.ATTRIBUTION,
                        LocalDate.of(2024, 2, 1), new Attribution("Habitat 44", "RPLS123", "ETAT", true), null, null),
                d.version() + 1, d.dossier());
    }

    private static EvenementDemande evenement(Demande d) {
        return new EvenementDemande(UUID.randomUUID(), EvenementDemande.DEMANDE_ENREGISTREE, d.numeroUnique(),
                Instant.now(), "{\"numeroUnique\":\"" + d.numeroUnique() + "\"}");
    }

    static StoreConfig config() {
        return config("", "");
    }

    /** The test configuration, the migrations run by that owner role ("" for the store's own connection). */
    static StoreConfig config(String proprietaire, String motDePasse) {
        return new StoreConfig() {
            @Override
            public String migration_utilisateur() {
                return proprietaire;
            }

            @Override
            public String migration_motDePasse() {
                return motDePasse;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfig.class;
            }

            @Override
            public String dataSource_target() {
                return "";
            }

            @Override
            public boolean database_autoCreate() {
                return false;
            }

            @Override
            public String database_adminDatabase() {
                return "postgres";
            }

            @Override
            public int retry_maxDelaySeconds() {
                return 1;
            }

            @Override
            public int health_periodSeconds() {
                return 1;
            }
        };
    }

    /** A DataSource that can be switched off, as when PostgreSQL stops or the network drops. */
    static final class SwitchableDataSource implements DataSource {
        private final DataSource delegate;
        volatile boolean down;

        SwitchableDataSource(DataSource delegate) {
            this.delegate = delegate;
            this.down = delegate == null;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLNonTransientConnectionException("Connection refused (simulated)", "08001");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
