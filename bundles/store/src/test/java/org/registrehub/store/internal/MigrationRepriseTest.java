package org.registrehub.store.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.testing.TestDatabase;

/**
 * Migration 25 on a register that already holds imported demands: their registrations' movements, counted as new
 * demands before, become reprises, in the movements and in both rollups, and nothing else moves.
 */
public class MigrationRepriseTest {

    private TestDatabase db;

    @Before
    public void setUp() {
        db = TestDatabase.create("registre_migration_reprise");
    }

    @After
    public void tearDown() throws Exception {
        db.close();
    }

    private Flyway jusqua(String version) {
        return Flyway.configure(getClass().getClassLoader()).locations("classpath:db/migration")
                .placeholders(Map.of("roleApplication", "")).dataSource(db.dataSource()).target(version).load();
    }

    @Test
    public void importedRegistrationsBecomeReprisesInTheMovementsAndTheRollups() {
        jusqua("24").migrate();
        // two demands registered at a guichet and three imported, on 3 and 4 December; one imported radiated later;
        // the rollups counted them all (stat_rafraichir), then one more imported demand is left pending the rollup
        db.execute("INSERT INTO demande (numero_unique, nom, prenoms, date_naissance, commune, typologie, guichet,"
                + " date_depot, statut, canal_creation, territoire, date_validite, dossier, communes, typologies)"
                + " SELECT '0441226' || lpad(i::text, 6, '0') || 'G1104', 'NOM' || i, 'P', DATE '1980-01-01', '44109',"
                + " 'T3', 'G1104', DATE '2026-12-03', 'ACTIVE', CASE WHEN i <= 2 THEN 'REST' ELSE 'IMPORT' END,"
                + " '044', DATE '2027-12-03', '{}'::jsonb, ARRAY['44109'], ARRAY['T3']"
                + " FROM generate_series(1, 6) i");
        db.execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                + " changements) SELECT numero_unique, 0, CASE WHEN canal_creation = 'REST'"
                + " THEN TIMESTAMPTZ '2026-12-03 10:00+01' ELSE TIMESTAMPTZ '2026-12-04 10:00+01' END,"
                + " 'ENREGISTREMENT', 'test', canal_creation, '[]'::jsonb FROM demande"
                + " WHERE numero_unique <> '0441226000006G1104' ORDER BY numero_unique");
        db.execute("UPDATE demande SET statut = 'RADIEE', motif_radiation = 'ABANDON', date_radiation = DATE"
                + " '2026-12-05' WHERE numero_unique = '0441226000005G1104'");
        db.execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                + " changements) VALUES ('0441226000005G1104', 1, TIMESTAMPTZ '2026-12-05 10:00+01',"
                + " 'RADIATION', 'test', 'REST', '[]'::jsonb)");
        db.count("SELECT stat_rafraichir()");
        db.execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                + " changements) VALUES ('0441226000006G1104', 0, TIMESTAMPTZ '2026-12-04 11:00+01',"
                + " 'ENREGISTREMENT', 'test', 'IMPORT', '[]'::jsonb)");
        assertEquals(6, db.count("SELECT count(*) FROM stat_mouvement WHERE nature = 'ENTREE'"));
        assertEquals(5, db.count("SELECT sum(n) FROM stat_flux_jour WHERE nature = 'ENTREE'"));

        jusqua("25").migrate();

        assertEquals(2, db.count("SELECT count(*) FROM stat_mouvement WHERE nature = 'ENTREE'"));
        assertEquals(4, db.count("SELECT count(*) FROM stat_mouvement WHERE nature = 'REPRISE'"));
        assertEquals(1, db.count("SELECT count(*) FROM stat_mouvement WHERE nature = 'SORTIE'"));
        assertEquals(2, db.count("SELECT sum(n) FROM stat_flux_jour WHERE nature = 'ENTREE'"));
        assertEquals(3, db.count("SELECT sum(n) FROM stat_flux_jour WHERE nature = 'REPRISE'"
                + " AND jour = DATE '2026-12-04'"));
        assertEquals(0, db.count("SELECT count(*) FROM stat_flux_jour WHERE nature = 'ENTREE'"
                + " AND jour = DATE '2026-12-04'"));
        assertEquals(2, db.count("SELECT sum(n) FROM stat_flux_mois WHERE nature = 'ENTREE'"));
        assertEquals(3, db.count("SELECT sum(n) FROM stat_flux_mois WHERE nature = 'REPRISE'"));
        // the movement not yet rolled up is counted once when the rollup comes, as a reprise
        db.count("SELECT stat_rafraichir()");
        assertEquals(4, db.count("SELECT sum(n) FROM stat_flux_mois WHERE nature = 'REPRISE'"));
        assertEquals(4, db.count("SELECT sum(n) FROM stat_flux_jour WHERE nature = 'REPRISE'"));
        // a registration imported after the migration enters as a reprise too, one by a guichet as a new demand
        db.execute("INSERT INTO demande (numero_unique, nom, prenoms, date_naissance, commune, typologie, guichet,"
                + " date_depot, statut, canal_creation, territoire, date_validite, dossier, communes, typologies)"
                + " SELECT '0441226' || lpad(i::text, 6, '0') || 'G1104', 'NOM' || i, 'P', DATE '1980-01-01',"
                + " '44109', 'T3', 'G1104', DATE '2026-12-06', 'ACTIVE', CASE WHEN i = 7 THEN 'IMPORT' ELSE 'SOAP'"
                + " END, '044', DATE '2027-12-06', '{}'::jsonb, ARRAY['44109'], ARRAY['T3']"
                + " FROM generate_series(7, 8) i");
        db.execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                + " changements) SELECT numero_unique, 0, TIMESTAMPTZ '2026-12-06 10:00+01', 'ENREGISTREMENT',"
                + " 'test', canal_creation, '[]'::jsonb FROM demande WHERE date_depot = DATE '2026-12-06'");
        assertEquals(1, db.count("SELECT count(*) FROM stat_mouvement WHERE jour = DATE '2026-12-06'"
                + " AND nature = 'REPRISE'"));
        assertEquals(1, db.count("SELECT count(*) FROM stat_mouvement WHERE jour = DATE '2026-12-06'"
                + " AND nature = 'ENTREE'"));
    }
}
