package org.registrehub.store.internal;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.registrehub.api.EtatSante;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.TestDatabase;

/** Opens the real store on a throw-away database, for tests of other packages (the service on PostgreSQL). */
public final class StoresDeTest {

    private StoresDeTest() {
    }

    /** The store, schema migrated and UP; {@link #fermer} it before dropping the database. */
    public static PostgresStore ouvrir(TestDatabase db) {
        PostgresStore store = new PostgresStore(db.dataSource(), Map.of("url", db.jdbcUrl()), new JacksonJsonCodec(),
                null, PostgresStoreTest.config(), Clock.systemUTC());
        await("store UP").atMost(Duration.ofSeconds(30)).until(store::etat, e -> e.statut() == EtatSante.Statut.UP);
        return store;
    }

    /** Stops the store's health watch, as the framework does when the bundle stops. */
    public static void fermer(PostgresStore store) {
        store.deactivate();
    }
}
