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
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.EtatSante;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.TestDatabase;

/**
 * The shared persistence core against a real, throw-away PostgreSQL database: migrations, a capability's sessions,
 * outages and recovery.
 */
public class PostgresStoreTest {

    private static final JacksonJsonCodec JSON = new JacksonJsonCodec();

    private TestDatabase db;
    private SwitchableDataSource dataSource;
    private PostgresStore store;

    @Before
    public void setUp() {
        db = TestDatabase.create("registre_store_test");
        dataSource = new SwitchableDataSource(db.dataSource());
        store = ouvert(dataSource, db.jdbcUrl(), config(), Duration.ofSeconds(30));
    }

    /** The core on that DataSource, its schema migrated (UP) within {@code max}; deactivate it after the test. */
    static PostgresStore ouvert(DataSource dataSource, String url, StoreConfig config, Duration max) {
        PostgresStore store = new PostgresStore(dataSource, Map.of("url", url), JSON, null, config, Clock.systemUTC());
        await("store UP").atMost(max).until(store::etat, e -> e.statut() == EtatSante.Statut.UP);
        return store;
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

    /** Every migration file of the bundle is applied, the last one's version shown by the health. */
    @Test
    public void migrationsCreateTheSchema() throws java.io.IOException {
        List<Integer> versions;
        try (var fichiers = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            versions = fichiers.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9]+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        }
        int derniere = versions.get(versions.size() - 1);
        assertEquals("versions sans trou", derniere, versions.size());
        assertTrue(store.etat().message(), store.etat().message().contains("schéma version " + derniere));
        assertEquals(derniere, db.count("select count(*) from flyway_schema_history where success"));
    }

    @Test
    public void aCapabilitysMappersRunInOneTransactionAndABatchSendsItsInsertsAtTheCommit() {
        BaseDeDonnees.Sessions sessions = store.sessions(SondeMapper.class);
        assertEquals(1, (int) sessions.executer("écriture de sonde", SondeMapper.class, m -> m.ecrire("044")));
        try {
            sessions.executer("écriture de sonde en double", SondeMapper.class, m -> {
                m.ecrire("085");
                return m.ecrire("085");
            });
            fail("a unique violation must be reported");
        } catch (RegistreException e) {
            assertEquals("ERREUR_INTERNE", e.getCode());
        }
        // the failed transaction wrote nothing, not even its first insert
        assertEquals(1L, (long) sessions.executer("comptage", SondeMapper.class, SondeMapper::compter));
        long compte = sessions.executerParLots("lot de sondes", m -> {
            SondeMapper sonde = m.mapper(SondeMapper.class);
            sonde.ecrire("059");
            sonde.ecrire("062");
            return sonde.compter(); // a query sends the pending batch first
        });
        assertEquals(3L, compte);
    }

    @Test
    public void outageIsReportedAndRecoveredWithoutRestart() {
        BaseDeDonnees.Sessions sessions = store.sessions(SondeMapper.class);
        dataSource.down = true;
        try {
            sessions.executer("écriture de sonde", SondeMapper.class, m -> m.ecrire("044"));
            fail("an unreachable database must be reported");
        } catch (RegistreIndisponibleException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("injoignable"));
        }
        await("store DOWN").atMost(Duration.ofSeconds(10)).until(store::etat, e -> e.statut() == EtatSante.Statut.DOWN);
        assertTrue(store.etat().message(), store.etat().message().contains("Connection refused (simulated)"));

        dataSource.down = false;
        await("store UP").atMost(Duration.ofSeconds(30)).until(store::etat, e -> e.statut() == EtatSante.Statut.UP);
        sessions.executer("écriture de sonde", SondeMapper.class, m -> m.ecrire("044"));
        assertEquals(1, db.count("select count(*) from compteur_numero"));
    }

    @Test
    public void unreachableServerAtStartIsDownNotFatal() {
        PostgresStore orphan = new PostgresStore(new SwitchableDataSource(null), Map.of("url", "jdbc:test"), JSON, null,
                config(), Clock.systemUTC());
        try {
            await("orphan DOWN").atMost(Duration.ofSeconds(10)).until(orphan::etat, e -> e.statut() == EtatSante.Statut.DOWN);
            try {
                orphan.sessions(SondeMapper.class).executer("comptage", SondeMapper.class, SondeMapper::compter);
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
