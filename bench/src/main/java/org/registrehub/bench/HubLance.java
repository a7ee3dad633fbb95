package org.registrehub.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.registrehub.testing.TestDatabase;

/**
 * The built distribution, unpacked in a folder of its own and started as an administrator would, on free ports and
 * against a given database, configured only through the REGISTRE_* environment variables. Stopped on close.
 */
final class HubLance implements AutoCloseable {

    final Path home;
    final String base;
    final int ssh;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process karaf;
    final long demarre;

    HubLance(Path distribution, Path dir, TestDatabase db) throws Exception {
        if (!Files.exists(distribution)) {
            throw new IllegalStateException("distribution absente : " + distribution + " (mvn install -DskipTests)");
        }
        supprimer(dir);
        Files.createDirectories(dir);
        Process tar = new ProcessBuilder("tar", "xzf", distribution.toAbsolutePath().toString(), "-C", dir.toString())
                .inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("décompression impossible de " + distribution);
        }
        try (Stream<Path> s = Files.list(dir)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int http = port();
        ssh = port();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("karaf-console.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("REGISTRE_DB_HOST", db.host());
        env.put("REGISTRE_DB_PORT", String.valueOf(db.port()));
        env.put("REGISTRE_DB_NAME", db.name());
        env.put("REGISTRE_DB_USER", db.user());
        env.put("REGISTRE_DB_PASSWORD", db.password());
        env.put("REGISTRE_HTTP_PORT", String.valueOf(http));
        env.put("REGISTRE_BROKER_PORT", String.valueOf(port()));
        env.put("REGISTRE_SSH_PORT", String.valueOf(ssh));
        env.put("REGISTRE_RMI_REGISTRY_PORT", String.valueOf(port()));
        env.put("REGISTRE_RMI_SERVER_PORT", String.valueOf(port()));
        env.putIfAbsent("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        base = "http://127.0.0.1:" + http;
        demarre = System.nanoTime();
        karaf = pb.start();
    }

    /** Seconds since start when {@code /api/v1/health} answered 200. */
    double attendreSante(Duration max) throws Exception {
        attendre(max, () -> statut("/api/v1/health") == 200);
        return (System.nanoTime() - demarre) / 1e9;
    }

    /** Seconds since start when every bundle but the fragments was Active. */
    double attendreBundles(Duration max) throws Exception {
        attendre(max, () -> {
            List<String> lignes = bundles();
            return !lignes.isEmpty() && lignes.stream().noneMatch(l -> !l.contains("Active") && !l.contains("Resolved"));
        });
        return (System.nanoTime() - demarre) / 1e9;
    }

    /** Login of the account the benchmarks call the hub with (a gestionnaire of the territories measured). */
    static final String COMPTE = "bench.gestionnaire";
    private static final String MOT_DE_PASSE = "mot de passe du banc d'essai";

    /**
     * Creates the benchmark's organisation and gestionnaire account on these territories in the hub's database (as
     * a gestionnaire would through the access management), and returns its HTTP Basic header.
     */
    String compteDeMesure(TestDatabase db, java.util.Collection<String> territoires) throws Exception {
        String empreinte = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", MOT_DE_PASSE.toCharArray(),
                java.security.SecureRandom.getInstanceStrong().generateSeed(16), 10);
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO organisation (code, type, nom) VALUES ('BENCH', 'ETAT', 'Banc d''essai')"
                    + " ON CONFLICT DO NOTHING");
            for (String t : territoires) {
                s.execute("INSERT INTO organisation_territoire SELECT id, '" + t + "' FROM organisation"
                        + " WHERE code = 'BENCH' ON CONFLICT DO NOTHING");
            }
            s.execute("INSERT INTO utilisateur (identifiant, nom, organisation_id, empreinte, roles) SELECT '" + COMPTE
                    + "', 'Banc d''essai', id, '" + empreinte + "', ARRAY['gestionnaire'] FROM organisation"
                    + " WHERE code = 'BENCH' ON CONFLICT (identifiant) DO UPDATE SET empreinte = EXCLUDED.empreinte");
        }
        return "Basic " + java.util.Base64.getEncoder().encodeToString((COMPTE + ":" + MOT_DE_PASSE)
                .getBytes(StandardCharsets.UTF_8));
    }

    int statut(String chemin) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + chemin)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The bundle lines of {@code bundle:list}, read with bin/client (command on standard input, batch mode). */
    /** The console logs in with the administrator created at the first start (its secret, under data/registre). */
    List<String> bundles() throws Exception {
        Path secret = home.resolve("data/registre/admin.secret");
        if (!Files.exists(secret)) {
            return List.of();
        }
        java.util.Properties admin = new java.util.Properties();
        try (var in = Files.newBufferedReader(secret)) {
            admin.load(in);
        }
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(ssh), "-u",
                admin.getProperty("identifiant"), "-p", admin.getProperty("motDePasse"), "-r", "1", "-b")
                .redirectErrorStream(true).start();
        p.getOutputStream().write("bundle:list -t 0 --no-format\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().filter(l -> l.matches("^\\s*\\d+\\s+(Active|Resolved|Installed|Starting|Stopping|Failure).*"))
                .toList();
    }

    /** Resident memory of the Karaf JVM. */
    long rssMiB() throws IOException {
        long pid = karaf.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(karaf.pid());
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    long taille() throws IOException {
        try (Stream<Path> s = Files.walk(home)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // The Karaf JVM is a child of the start script: wait for it too, not only for the script. A JVM still
        // shutting down when the database is dropped would see its database vanish and re-create it (autoCreate).
        List<ProcessHandle> processus = new ArrayList<>(karaf.descendants().toList());
        processus.add(karaf.toHandle());
        processus.forEach(ProcessHandle::destroy);
        long fin = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (ProcessHandle p : processus) {
            try {
                p.onExit().get(Math.max(1, fin - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : processus) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("le processus " + p.pid() + " du hub ne s'arrête pas", e);
            }
        }
    }

    interface Condition {
        boolean vraie() throws Exception;
    }

    /** Polls a condition every 200 ms (a benchmark waits on the hub it measures; tests use Awaitility). */
    static void attendre(Duration max, Condition condition) throws Exception {
        long fin = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < fin) {
            try {
                if (condition.vraie()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("délai dépassé (" + max + ")");
    }

    static int port() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void supprimer(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
