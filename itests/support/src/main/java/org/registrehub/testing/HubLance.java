package org.registrehub.testing;

import java.io.File;
import java.io.IOException;
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

/**
 * The built distribution, unpacked in a folder of its own and started as an administrator would, on free ports and
 * against a given database, configured only through the REGISTRE_* environment variables. Stopped on close; can be
 * killed ({@code kill -9}) and started again on the same folder (its data: broker journal, first administrator).
 * Used by the benchmarks and by the crash tests.
 */
public final class HubLance implements AutoCloseable {

    public final Path home;
    public final String base;
    public final int ssh;
    public final int broker;
    public final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dir;
    private final Map<String, String> environnement;
    private Process karaf;
    public long demarre;

    public HubLance(Path distribution, Path dir, TestDatabase db) throws Exception {
        this(distribution, dir, db, Map.of());
    }

    /** With more REGISTRE_* variables (e.g. the national register's URL), as an administrator would set them. */
    public HubLance(Path distribution, Path dir, TestDatabase db, Map<String, String> autres) throws Exception {
        if (!Files.exists(distribution)) {
            throw new IllegalStateException("distribution absente : " + distribution + " (mvn install -DskipTests)");
        }
        garderJournaux(dir);
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
        this.dir = dir;
        int http = port();
        ssh = port();
        broker = port();
        Map<String, String> env = new java.util.HashMap<>();
        env.put("REGISTRE_DB_HOST", db.host());
        env.put("REGISTRE_DB_PORT", String.valueOf(db.port()));
        env.put("REGISTRE_DB_NAME", db.name());
        env.put("REGISTRE_DB_USER", db.user());
        env.put("REGISTRE_DB_PASSWORD", db.password());
        env.put("REGISTRE_HTTP_PORT", String.valueOf(http));
        env.put("REGISTRE_BROKER_PORT", String.valueOf(broker));
        env.put("REGISTRE_SSH_PORT", String.valueOf(ssh));
        env.put("REGISTRE_RMI_REGISTRY_PORT", String.valueOf(port()));
        env.put("REGISTRE_RMI_SERVER_PORT", String.valueOf(port()));
        env.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        // JVM options of the hub (bin/karaf's EXTRA_JAVA_OPTS): none by default, as deployed; tests that boot many
        // short-lived hubs pass -XX:TieredStopAtLevel=1 through registre.hub.optionsJava, benchmarks never do
        String optionsJava = System.getProperty("registre.hub.optionsJava", "").strip();
        if (!optionsJava.isEmpty()) {
            env.put("EXTRA_JAVA_OPTS", optionsJava);
        }
        env.putAll(autres);
        this.environnement = Map.copyOf(env);
        base = "http://127.0.0.1:" + http;
        demarrer();
    }

    /** Starts Karaf (again) in the same folder, with the same ports and database. */
    public void demarrer() throws IOException {
        if (karaf != null && karaf.isAlive()) {
            throw new IllegalStateException("le hub tourne déjà");
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("karaf-console.log").toFile()));
        pb.environment().putAll(environnement);
        demarre = System.nanoTime();
        karaf = pb.start();
    }

    /** {@code kill -9} of the Karaf JVM and its start script: no shutdown hook, nothing flushed, as in a crash. */
    public void tuer() throws Exception {
        List<ProcessHandle> processus = new ArrayList<>(karaf.descendants().toList());
        processus.add(karaf.toHandle());
        for (ProcessHandle p : processus) {
            new ProcessBuilder("kill", "-9", String.valueOf(p.pid())).start().waitFor();
        }
        for (ProcessHandle p : processus) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The first administrator's login and password, once the hub wrote them (data/registre/admin.secret). */
    public String[] administrateur() throws Exception {
        Path secret = home.resolve("data/registre/admin.secret");
        attendre("le premier administrateur est créé (" + secret + ")", Duration.ofSeconds(60),
                () -> Files.exists(secret) && Files.size(secret) > 0);
        java.util.Properties admin = new java.util.Properties();
        try (var in = Files.newBufferedReader(secret)) {
            admin.load(in);
        }
        return new String[] {admin.getProperty("identifiant"), admin.getProperty("motDePasse")};
    }

    /**
     * Seconds since start when {@code /api/v1/health} answered 200: every component the installed features declare
     * (database, realm, broker, routes, channels) is there and UP, so that the first call a test makes is served. On
     * time-out, the message has the last answer (each component not ready, and why) and the hub's log.
     */
    public double attendreSante(Duration max) throws Exception {
        String[] dernier = {"pas de réponse"};
        try {
            org.awaitility.Awaitility.await("le hub est prêt (/api/v1/health = 200)").atMost(max)
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        vivant();
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/health")).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        dernier[0] = r.statusCode() + " " + r.body();
                        return r.statusCode() == 200;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("hub pas prêt en " + max + " ; dernière réponse de /api/v1/health : "
                    + dernier[0] + " ; journal : " + journal(), e);
        }
        return (System.nanoTime() - demarre) / 1e9;
    }

    /** Seconds since start when every bundle but the fragments was Active. */
    public double attendreBundles(Duration max) throws Exception {
        attendre("chaque bundle est actif (bundle:list)", max, () -> {
            List<String> lignes = bundles();
            return !lignes.isEmpty() && lignes.stream().noneMatch(l -> !l.contains("Active") && !l.contains("Resolved"));
        });
        return (System.nanoTime() - demarre) / 1e9;
    }

    /** The hub's log (data/log/karaf.log of this start's folder). */
    public Path journal() {
        return home.resolve("data/log/karaf.log");
    }

    /** Fails at once, with the end of its console output, when the Karaf process has died. */
    private void vivant() throws IOException {
        if (karaf != null && !karaf.isAlive()) {
            List<String> lignes = Files.readAllLines(dir.resolve("karaf-console.log"));
            throw new IllegalStateException("le processus du hub s'est arrêté (code " + karaf.exitValue() + ") : "
                    + String.join("\n", lignes.subList(Math.max(0, lignes.size() - 20), lignes.size())));
        }
    }

    /** Login of the account the benchmarks call the hub with (a gestionnaire of the territories measured). */
    public static final String COMPTE = "bench.gestionnaire";
    private static final String MOT_DE_PASSE = "mot de passe du banc d'essai";

    /**
     * Creates the benchmark's organisation and gestionnaire account on these territories in the hub's database (as
     * a gestionnaire would through the access management), and returns its HTTP Basic header.
     */
    public String compteDeMesure(TestDatabase db, java.util.Collection<String> territoires) throws Exception {
        for (String t : territoires) {
            creerCompte(db, "BENCH", "ETAT", t, COMPTE, "gestionnaire", MOT_DE_PASSE);
        }
        return basic(COMPTE, MOT_DE_PASSE);
    }

    /** HTTP Basic header of an account. */
    public static String basic(String identifiant, String motDePasse) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((identifiant + ":" + motDePasse)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An organisation (created if missing) working on a territory, and an account of it with one role and this
     * password (bcrypt), straight in the hub's database, as the access management would write them.
     */
    public static void creerCompte(TestDatabase db, String organisation, String type, String territoire,
                                   String identifiant, String role, String motDePasse) throws Exception {
        String empreinte = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", motDePasse.toCharArray(),
                java.security.SecureRandom.getInstanceStrong().generateSeed(16), 10);
        try (java.sql.Connection c = db.connect()) {
            try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO organisation (code, type, nom)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                p.setString(1, organisation);
                p.setString(2, type);
                p.setString(3, organisation);
                p.executeUpdate();
            }
            try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO organisation_territoire SELECT id, ?"
                    + " FROM organisation WHERE code = ? ON CONFLICT DO NOTHING")) {
                p.setString(1, territoire);
                p.setString(2, organisation);
                p.executeUpdate();
            }
            try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO utilisateur (identifiant, nom,"
                    + " organisation_id, empreinte, roles) SELECT ?, ?, id, ?, ARRAY[CAST(? AS VARCHAR(20))]"
                    + " FROM organisation WHERE code = ? ON CONFLICT (identifiant) DO UPDATE"
                    + " SET empreinte = EXCLUDED.empreinte")) {
                p.setString(1, identifiant);
                p.setString(2, identifiant);
                p.setString(3, empreinte);
                p.setString(4, role);
                p.setString(5, organisation);
                p.executeUpdate();
            }
        }
    }

    /**
     * Registers over REST, with this HTTP Basic header, the example demand {@code modele} (docs/exemples) made the
     * demand of an applicant of its own (first name {@code prefixe} + letters of {@code i}, no NIR: never a presumed
     * duplicate of another), and returns its numéro unique.
     */
    public String enregistrer(String modele, String prefixe, int i, String basic) throws Exception {
        StringBuilder prenom = new StringBuilder(prefixe);
        for (int n = i; n > 0 || prenom.length() == prefixe.length(); n /= 26) {
            prenom.append((char) ('a' + n % 26));
        }
        String json = modele.replaceFirst("\"prenoms\": \"Léa Marie\"", "\"prenoms\": \"" + prenom + "\"")
                .replaceFirst("\"nir\": \"[0-9]+\",", "");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/demandes"))
                .header("Content-Type", "application/json").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"numeroUnique\":\"([0-9AB]{13}G[0-9]{4})\"")
                .matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("enregistrement refusé (" + r.statusCode() + ") : " + r.body());
        }
        return m.group(1);
    }

    /** The bundle lines of {@code bundle:list}, read with bin/client (command on standard input, batch mode). */
    public List<String> bundles() throws Exception {
        if (!Files.exists(home.resolve("data/registre/admin.secret"))) {
            return List.of();
        }
        return console("bundle:list -t 0 --no-format").lines()
                .filter(l -> l.matches("^\\s*\\d+\\s+(Active|Resolved|Installed|Starting|Stopping|Failure).*"))
                .toList();
    }

    /**
     * Runs console commands with bin/client (on standard input, batch mode) as the administrator created at the
     * first start (its secret, under data/registre), and returns what they printed.
     */
    public String console(String commandes) throws Exception {
        String[] admin = administrateur();
        return console(commandes, admin[0], admin[1]);
    }

    /** Runs console commands with bin/client as the given account of the registre realm. */
    public String console(String commandes, String identifiant, String motDePasse) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(ssh), "-u",
                identifiant, "-p", motDePasse, "-r", "1", "-b").redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process p = pb.start();
        p.getOutputStream().write((commandes + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** Resident memory of the Karaf JVM. */
    public long rssMiB() throws IOException {
        long pid = karaf.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(karaf.pid());
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    public long taille() throws IOException {
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

    public interface Condition {
        boolean vraie() throws Exception;
    }

    /**
     * Waits until the condition holds (polled every 200 ms by Awaitility; an IOException counts as "not yet": the
     * hub is not listening), or fails naming what was waited for.
     */
    public static void attendre(String quoi, Duration max, Condition condition) {
        org.awaitility.Awaitility.await(quoi).atMost(max).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class).until(condition::vraie);
    }

    static int port() throws IOException {
        return Ports.libre();
    }

    /**
     * Before a folder is reused (the next test of a class), its hub's logs are kept beside it, in
     * {@code <folder>-journaux/<n>-karaf.log} and {@code <n>-console.log}: a failed test's log survives the next one.
     */
    private static void garderJournaux(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path garde = dir.resolveSibling(dir.getFileName() + "-journaux");
        Files.createDirectories(garde);
        long n;
        try (Stream<Path> s = Files.list(garde)) {
            n = s.count() / 2 + 1;
        }
        try (Stream<Path> s = Files.walk(dir, 4)) {
            for (Path log : s.filter(p -> p.endsWith("data/log/karaf.log")).toList()) {
                Files.copy(log, garde.resolve(n + "-karaf.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path console = dir.resolve("karaf-console.log");
        if (Files.exists(console)) {
            Files.copy(console, garde.resolve(n + "-console.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and what it holds; a symbolic link inside is deleted, never followed. */
    public static void supprimer(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
