package org.registrehub.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.spi.BauxCluster;
import org.registrehub.testing.TestDatabase;

/** The cluster's leases on a real PostgreSQL: one node per name, its own lease back after a restart, expiry. */
public class BauxPostgresTest {

    private TestDatabase db;
    private PostgresStore store;
    private BauxCluster baux;

    @Before
    public void setUp() {
        db = TestDatabase.create("registre_baux");
        store = PostgresStoreTest.ouvert(db.dataSource(), db.jdbcUrl(), PostgresStoreTest.config(),
                Duration.ofSeconds(30));
        baux = new BauxPostgres(store);
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
    public void unSeulNoeudParBailEtSonPropreBailRepris() {
        assertTrue(baux.prendre("synchro-nationale:ENVOI", "noeud-a", Duration.ofMinutes(1)));
        assertFalse(baux.prendre("synchro-nationale:ENVOI", "noeud-b", Duration.ofMinutes(1)));
        // a node restarted after a crash takes its own lease back at once
        assertTrue(baux.prendre("synchro-nationale:ENVOI", "noeud-a", Duration.ofMinutes(1)));
        assertTrue(baux.prendre("synchro-nationale:RADIATIONS", "noeud-b", Duration.ofMinutes(1)));
        baux.rendre("synchro-nationale:ENVOI", "noeud-b");
        assertFalse("seul le détenteur rend le bail", baux.prendre("synchro-nationale:ENVOI", "noeud-b",
                Duration.ofMinutes(1)));
        assertEquals("noeud-a", baux.bail("synchro-nationale:ENVOI").orElseThrow().noeud());
        baux.rendre("synchro-nationale:ENVOI", "noeud-a");
        assertTrue(baux.bail("synchro-nationale:ENVOI").isEmpty());
        assertTrue(baux.prendre("synchro-nationale:ENVOI", "noeud-b", Duration.ofMinutes(1)));
        db.count("update bail_cluster set jusqua = now() - interval '1 second' where nom = 'synchro-nationale:ENVOI'"
                + " returning 1");
        assertTrue("bail expiré", baux.prendre("synchro-nationale:ENVOI", "noeud-c", Duration.ofMinutes(1)));
    }

    @Test
    public void seulLeDetenteurProlongeEtUnBailPerduLeDit() {
        assertTrue(baux.prendre("import:7", "noeud-a", Duration.ofSeconds(30)));
        assertTrue(baux.prolonger("import:7", "noeud-a", Duration.ofMinutes(2)));
        assertFalse(baux.prolonger("import:7", "noeud-b", Duration.ofMinutes(2)));
        // noeud-a stalls past its lease: noeud-b takes it, and noeud-a learns it at its next extension
        db.count("update bail_cluster set jusqua = now() - interval '1 second' where nom = 'import:7' returning 1");
        assertTrue(baux.prendre("import:7", "noeud-b", Duration.ofMinutes(2)));
        assertFalse(baux.prolonger("import:7", "noeud-a", Duration.ofMinutes(2)));
        assertEquals("noeud-b", baux.bail("import:7").orElseThrow().noeud());
    }

    @Test
    public void leNomDuNoeudSurvitAuxRedemarrages() {
        assertEquals(baux.noeud(), new BauxPostgres(store).noeud());
        assertTrue(baux.noeud(), baux.noeud().contains("@"));
    }
}
