package org.registrehub.bench.donnees;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;

import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.TestDatabase;

/**
 * The national stock of a benchmark: N generated demands (seeded) loaded by {@code COPY} into the hub's own schema,
 * every index and trigger in place; or, when the database already holds that many (a database kept with
 * {@code -Dregistre.bench.base=<name>}), reused as it is.
 */
public final class StockNational {

    private StockNational() {
    }

    /** Whether this run keeps its database under the name {@code -Dregistre.bench.base=<name>} (and reuses it). */
    public static boolean gardee() {
        return !System.getProperty("registre.bench.base", "").isBlank();
    }

    /** The benchmark's database: the one kept under {@code -Dregistre.bench.base}, or a new one with this prefix. */
    public static TestDatabase base(String prefixe) {
        return gardee() ? TestDatabase.kept(System.getProperty("registre.bench.base")) : TestDatabase.createDurable(
                prefixe);
    }

    /**
     * @param garde the database was kept from an earlier run and may be reused
     */
    public static void preparer(TestDatabase db, long graine, LocalDate aujourdhui, int nombre, boolean garde)
            throws Exception {
        long presentes = db.count("SELECT count(*) FROM demande");
        if (presentes == nombre && garde) {
            System.out.printf("BENCH load.reused %d demandes already in %s%n", presentes, db.name());
            analyser(db);
            return;
        }
        if (presentes > 0) {
            System.out.printf("… %d demandes présentes dans %s, rechargement%n", presentes, db.name());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("TRUNCATE demande, demande_historique, outbox, compteur_numero, rapprochement");
            }
        }
        GenerateurDemandes generateur = new GenerateurDemandes(graine, aujourdhui, 4);
        long t0 = System.nanoTime();
        try (Connection c = db.connect()) {
            new ChargementMasse(new JacksonJsonCodec()).charger(c, generateur, nombre, 20_000, n -> {
                if (n % 200_000 == 0 || n == nombre) {
                    System.out.printf("… %d demandes chargées (%.0f/s)%n", n, n / ((System.nanoTime() - t0) / 1e9));
                }
            });
        }
        analyser(db);
        System.out.printf("BENCH load.copy %.0f demandes/s (COPY, %d demandes with every index and trigger of the"
                + " schema)%n", nombre / ((System.nanoTime() - t0) / 1e9), nombre);
    }

    private static void analyser(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE demande");
            s.execute("VACUUM ANALYZE rapprochement");
        }
    }
}
