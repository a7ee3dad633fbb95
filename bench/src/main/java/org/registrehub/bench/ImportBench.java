package org.registrehub.bench;

import static org.awaitility.Awaitility.await;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.registrehub.testing.ExtraitsDeTest;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * Bulk import of a departmental extract: N generated demands (CSV, Latin-1, one line in 100 invalid) dropped in the
 * hub's watched directory and imported (the register's rules per line, duplicate checks, numbering, demand, history,
 * event and audit rows, rejects, position per batch), against PostgreSQL {@code COPY} of the same file into a bare
 * table of the same columns, in the same database server and run, both once the hub has booted and the machine is
 * quiet. Prints both throughputs, their ratio, the machine's load during each and the peak resident memory of the
 * Karaf JVM during the import. See bench/README.md.
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int lignes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        Path extrait = Files.createTempFile("registre-bench-extrait", ".csv");
        try (TestDatabase db = TestDatabase.createDurable("registre_bench_import");
             HubLance hub = new HubLance(distribution, dir, db)) {
            long t0 = System.nanoTime();
            ExtraitsDeTest.generer(extrait, "BENCH-", lignes, 100);
            System.out.printf("BENCH extract %d lines, %d MiB, generated in %.1f s%n", lignes,
                    Files.size(extrait) >> 20, (System.nanoTime() - t0) / 1e9);

            // the hub booted and idle first: the baseline and the import run under the same conditions (a COPY timed
            // while the hub still boots is slowed by it, which flatters the ratio)
            System.out.printf("BENCH boot.health %.1f s%n", hub.attendreSante(Duration.ofMinutes(3)));
            Machine.attendreRepos("the COPY baseline", 20, Duration.ofMinutes(3));
            // baseline: COPY of the same file into a bare table of the same columns
            double copie;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE copie_brute (" + String.join(" text, ", ExtraitsDeTest.ENTETE.split(";"))
                        + " text)");
                Machine.Instantane avant = Machine.Instantane.maintenant();
                long debut = System.nanoTime();
                try (Reader r = Files.newBufferedReader(extrait, StandardCharsets.ISO_8859_1)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copie_brute FROM STDIN WITH (FORMAT csv,"
                            + " DELIMITER ';', HEADER true)", r);
                }
                copie = lignes / ((System.nanoTime() - debut) / 1e9);
                System.out.printf("BENCH copy %.0f rows/s (CPU %.0f %% busy during it, load %s)%n", copie,
                        avant.occupationJusquA(Machine.Instantane.maintenant()), Machine.charge());
                s.execute("DROP TABLE copie_brute");
            }
            Machine.attendreRepos("the import", 20, Duration.ofMinutes(3));
            Path entree = hub.home.resolve("data/registre/import/entree");
            HubLance.attendre("le dossier de dépôt " + entree + " existe", Duration.ofMinutes(1),
                    () -> Files.isDirectory(entree));
            long rssAvant = hub.rssMiB();
            Machine.Instantane cpu = Machine.Instantane.maintenant();
            long debut = System.nanoTime();
            Files.move(extrait, entree.resolve("extrait-bench.csv"), StandardCopyOption.ATOMIC_MOVE);
            long[] pic = {rssAvant};
            long[] dernier = {System.nanoTime()};
            // the resident memory is sampled at each poll, while the import runs
            await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                String etat = etat(db);
                if ("ECHEC".equals(etat)) {
                    throw new IllegalStateException("import en échec");
                }
                pic[0] = Math.max(pic[0], hub.rssMiB());
                if (System.nanoTime() - dernier[0] > TimeUnit.SECONDS.toNanos(30)) {
                    dernier[0] = System.nanoTime();
                    System.out.printf("BENCH progress %d lines after %.0f s%n",
                            db.count("select coalesce(max(position), 0) from import_departemental"),
                            (System.nanoTime() - debut) / 1e9);
                }
                return "TERMINE".equals(etat);
            });
            double bout = (System.nanoTime() - debut) / 1e9;
            // the import itself, from its start to its end as the hub recorded them (the drop directory is polled
            // every 5 s and a file must stay unchanged 2 s before it is taken)
            double secondes = db.count("select (extract(epoch from fin - debut) * 1000)::bigint"
                    + " from import_departemental") / 1000.0;
            double debit = lignes / secondes;
            long importees = db.count("select importees from import_departemental");
            long rejetees = db.count("select rejetees from import_departemental");
            System.out.printf("BENCH import %d lines in %.1f s: %.0f rows/s (%d imported, %d rejected);"
                    + " %.1f s from the drop to the end%n", lignes, secondes, debit, importees, rejetees, bout);
            System.out.printf("BENCH import.machine CPU %.0f %% busy during the import, load %s%n",
                    cpu.occupationJusquA(Machine.Instantane.maintenant()), Machine.charge());
            System.out.printf("BENCH ratio import/copy %.3f%n", debit / copie);
            System.out.printf("BENCH rss before %d MiB, peak during import %d MiB%n", rssAvant, pic[0]);
            double copieHub = copieDansLeHub(db, importees);
            System.out.printf("BENCH ratio import/copy.hub %.3f (import %.0f rows/s, COPY into the hub's tables %.0f"
                    + " rows/s)%n", debit / copieHub, debit, copieHub);
        } finally {
            Files.deleteIfExists(extrait);
        }
    }

    /** The hub's tables that hold what an import writes, parents first (the audit follows from the history). */
    private static final String[] TABLES = {"demande", "demande_historique", "outbox"};

    /**
     * The second baseline: the rows the import wrote (its demands, their history and their events) written again by
     * PostgreSQL {@code COPY} into the hub's own tables, with every index, constraint and trigger in place (statistics,
     * matching, audit, recipients of the events), in one transaction, once the hub is idle and the machine quiet: the
     * cost of the register's schema alone, without the hub's reading, checks, numbering and batching. The rows are
     * saved to files by {@code COPY TO}, deleted (the delete triggers undo their statistics and matching rows) and
     * the tables vacuumed first, so that they are back to the state the import found. Returns rows per second.
     */
    private static double copieDansLeHub(TestDatabase db, long lignes) throws Exception {
        String importees = "SELECT numero_unique FROM demande WHERE ancien_numero IS NOT NULL";
        Path dossier = Files.createTempDirectory("registre-bench-copie");
        java.util.Map<String, String> colonnes = new java.util.LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            var copie = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                try (var r = s.executeQuery("SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum)"
                        + " FROM pg_attribute WHERE attrelid = '" + table + "'::regclass AND attnum > 0"
                        + " AND NOT attisdropped AND attgenerated = ''")) {
                    r.next();
                    colonnes.put(table, r.getString(1));
                }
                try (var out = Files.newOutputStream(dossier.resolve(table))) {
                    copie.copyOut("COPY (SELECT " + colonnes.get(table) + " FROM " + table + " WHERE numero_unique IN ("
                            + importees + ") ORDER BY id) TO STDOUT", out);
                }
            }
            c.setAutoCommit(false);
            s.execute("DELETE FROM outbox WHERE numero_unique IN (" + importees + ")");
            s.execute("DELETE FROM demande_historique WHERE numero_unique IN (" + importees + ")");
            s.execute("DELETE FROM demande WHERE ancien_numero IS NOT NULL");
            c.commit();
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE demande, demande_historique, outbox, stat_demande, stat_mouvement,"
                    + " rapprochement");
            s.execute("CHECKPOINT");
        }
        Machine.attendreRepos("the COPY into the hub's tables", 20, Duration.ofMinutes(3));
        double debit;
        try (Connection c = db.connect()) {
            var copie = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            Machine.Instantane avant = Machine.Instantane.maintenant();
            long debut = System.nanoTime();
            for (String table : TABLES) {
                try (var in = Files.newInputStream(dossier.resolve(table))) {
                    copie.copyIn("COPY " + table + " (" + colonnes.get(table) + ") FROM STDIN", in);
                }
            }
            c.commit();
            debit = lignes / ((System.nanoTime() - debut) / 1e9);
            System.out.printf("BENCH copy.hub %.0f rows/s: the %d imported demands, their history and events COPYed"
                    + " into the hub's tables with their indexes and triggers (CPU %.0f %% busy during it, load %s)%n",
                    debit, lignes, avant.occupationJusquA(Machine.Instantane.maintenant()), Machine.charge());
        } finally {
            for (String table : TABLES) {
                Files.deleteIfExists(dossier.resolve(table));
            }
            Files.deleteIfExists(dossier);
        }
        return debit;
    }

    private static String etat(TestDatabase db) throws Exception {
        try (var c = db.connect(); var s = c.createStatement();
             var r = s.executeQuery("select etat from import_departemental")) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
