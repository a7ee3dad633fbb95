package org.registrehub.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.testing.TestDatabase;

/**
 * The schema's rule for foreign keys: each has a whole (non-partial) index whose first columns are the key's, so that
 * deleting a parent row checks its children by the index rather than by reading the whole child table.
 */
public class ClesEtrangeresIndexeesTest {

    private TestDatabase db;

    @Before
    public void setUp() {
        db = TestDatabase.create("registre_cles_etrangeres");
        Flyway.configure(getClass().getClassLoader()).locations("classpath:db/migration")
                .placeholders(Map.of("roleApplication", "")).dataSource(db.dataSource()).load().migrate();
    }

    @After
    public void tearDown() throws Exception {
        db.close();
    }

    @Test
    public void everyForeignKeyHasAnIndexLeadingWithItsColumns() {
        assertTrue("le schéma a des clés étrangères", db.count("SELECT count(*) FROM pg_constraint c"
                + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'")
                > 10);
        List<String> sansIndex = db.texts("SELECT c.conrelid::regclass || '.' || c.conname FROM pg_constraint c"
                + " JOIN pg_namespace n ON n.oid = c.connamespace"
                + " WHERE c.contype = 'f' AND n.nspname = 'public' AND NOT EXISTS ("
                + "   SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indpred IS NULL"
                + "      AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey)"
                + " ORDER BY 1");
        assertEquals("clés étrangères sans index qui commence par leurs colonnes", List.of(), sansIndex);
    }
}
