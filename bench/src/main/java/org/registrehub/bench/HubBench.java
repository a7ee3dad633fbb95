package org.registrehub.bench;

import org.registrehub.testing.HubLance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.registrehub.testing.TestDatabase;

/**
 * Boots the built distribution, measures boot time and memory, then registration throughput through REST against a
 * plain-JDBC baseline doing the same database work in the same run. See bench/README.md.
 */
public final class HubBench {

    private HubBench() {
    }

    public static void main(String[] args) throws Exception {
        int demandes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int echauffement = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        if (!Files.exists(distribution)) {
            throw new IllegalStateException("distribution absente : " + distribution + " (mvn install -DskipTests)");
        }
        try (TestDatabase db = TestDatabase.createDurable("registre_bench")) {
            run(distribution, dir, db, demandes, clients, echauffement);
        }
    }

    private static void run(Path distribution, Path dir, TestDatabase db, int demandes, int clients,
                            int echauffement) throws Exception {
        try (HubLance hub = new HubLance(distribution, dir, db)) {
            double bootHealth = hub.attendreSante(Duration.ofMinutes(3));
            String autorisation = hub.compteDeMesure(db, List.of("044"));
            double bootBundles = hub.attendreBundles(Duration.ofMinutes(2));
            System.out.printf("BENCH boot.health %.1f s%nBENCH boot.bundles %.1f s (%d bundles)%n", bootHealth,
                    bootBundles, hub.bundles().size());
            TimeUnit.SECONDS.sleep(10); // idle: let the start-up allocation settle before reading the resident size
            System.out.printf("BENCH rss.idle %d MiB%n", hub.rssMiB());

            // warm-up until the JIT has compiled the hot paths (on 2 cores, the first thousand registrations run at
            // half speed), then the measured run
            long t0 = System.nanoTime();
            enregistrer(hub.client, hub.base, autorisation, echauffement, clients, new Mesures(echauffement));
            System.out.printf("BENCH rest.register.warmup %.0f demandes/s (first %d demandes, cold JVM)%n",
                    echauffement / secondes(t0), echauffement);
            Mesures latences = new Mesures(demandes);
            // the registrations and their baseline each start on a quiet machine and state their CPU share
            Machine.attendreRepos("the REST registrations", 20, Duration.ofMinutes(3));
            Machine.Instantane cpuRest = Machine.Instantane.maintenant();
            long t1 = System.nanoTime();
            enregistrer(hub.client, hub.base, autorisation, demandes, clients, latences);
            double debit = demandes / secondes(t1);
            double occupationRest = cpuRest.occupationJusquA(Machine.Instantane.maintenant());
            long rssCharge = hub.rssMiB();

            Machine.attendreRepos("the JDBC baseline", 20, Duration.ofMinutes(3));
            Machine.Instantane cpuJdbc = Machine.Instantane.maintenant();
            double jdbc = baseline(db, demandes, clients);
            System.out.printf("BENCH machine CPU busy %.0f %% during the REST registrations, %.0f %% during the JDBC"
                    + " baseline; load %s%n", occupationRest, cpuJdbc.occupationJusquA(Machine.Instantane
                    .maintenant()), Machine.charge());
            System.out.printf("BENCH rest.register %.0f demandes/s (%d demandes, %d clients), latency %s%n", debit,
                    demandes, clients, latences.resume());
            System.out.printf("BENCH jdbc.baseline %.0f demandes/s (same rows, plain JDBC, %d connections)%n", jdbc,
                    clients);
            System.out.printf("BENCH ratio %.2f (REST registration / plain JDBC of the same rows)%n", debit / jdbc);
            System.out.printf("BENCH rss.loaded %d MiB%n", rssCharge);
            cotation(hub, db, autorisation, demandes, clients);
            System.out.printf("BENCH distribution %.1f MiB tar.gz, %.1f MiB unpacked%n",
                    Files.size(distribution) / 1048576.0, hub.taille() / 1048576.0);
        }
    }

    /** A grid of every criterion type (docs/attribution.md), as a gestionnaire defines it. */
    static final String GRILLE = "{\"criteres\":[{\"code\":\"SANS_LOGEMENT\",\"libelle\":\"Sans logement\","
            + "\"type\":\"PRIORITE\",\"valeur\":\"SANS_LOGEMENT\",\"points\":100},{\"code\":\"DALO\",\"libelle\":"
            + "\"DALO\",\"type\":\"DALO\",\"points\":150},{\"code\":\"TROP_PETIT\",\"libelle\":\"Trop petit\","
            + "\"type\":\"MOTIF\",\"valeur\":\"LOGEMENT_TROP_PETIT\",\"points\":20},{\"code\":\"HEBERGE\","
            + "\"libelle\":\"Hébergé\",\"type\":\"STATUT_LOGEMENT\",\"valeur\":\"HEBERGE_FAMILLE\",\"points\":40},"
            + "{\"code\":\"MUTATION\",\"libelle\":\"Mutation\",\"type\":\"MUTATION\",\"points\":-10},{\"code\":"
            + "\"ANCIENNETE\",\"libelle\":\"Ancienneté\",\"type\":\"ANCIENNETE_MOIS\",\"points\":2,\"plafond\":48},"
            + "{\"code\":\"ENFANTS\",\"libelle\":\"Enfants\",\"type\":\"PERSONNE_A_CHARGE\",\"points\":5,"
            + "\"plafond\":15}]}";

    /**
     * The cost of the cotation on registration, in the same run: registrations without any grid, then with a grid of
     * every criterion type on the territory (each demand then scored in its registration's transaction), twice in
     * turn (the grid removed in the database between), the same number of demands and clients each time.
     */
    private static void cotation(HubLance hub, TestDatabase db, String autorisation, int demandes, int clients)
            throws Exception {
        double sans = 0;
        double avec = 0;
        for (int tour = 0; tour < 2; tour++) {
            try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
                st.execute("DELETE FROM grille_cotation");
            }
            long t = System.nanoTime();
            enregistrer(hub.client, hub.base, autorisation, demandes, clients, new Mesures(demandes));
            sans += demandes / secondes(t);
            HttpResponse<String> g = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base
                    + "/api/v1/cotation/grilles/044")).header("Content-Type", "application/json")
                    .header("Authorization", autorisation).PUT(HttpRequest.BodyPublishers.ofString(GRILLE,
                            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (g.statusCode() != 200) {
                throw new IllegalStateException("grille de cotation : " + g.statusCode() + " " + g.body());
            }
            t = System.nanoTime();
            enregistrer(hub.client, hub.base, autorisation, demandes, clients, new Mesures(demandes));
            avec += demandes / secondes(t);
        }
        System.out.printf("BENCH rest.register.sansCotation %.0f demandes/s, rest.register.avecCotation %.0f"
                + " demandes/s (2 x %d demandes each, in turn)%n", sans / 2, avec / 2, demandes);
        System.out.printf("BENCH ratio.cotation %.2f (registration with a 7-criterion grid / without, same run)%n",
                avec / sans);
    }

    /** The documented REST body, without the NIR (every benchmark demand is another applicant). */
    private static final String MODELE = modele();

    private static String modele() {
        try {
            return Files.readString(Path.of(System.getProperty("registre.exemples")), StandardCharsets.UTF_8)
                    .replaceFirst("\"nir\": \"[0-9]+\",", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final AtomicInteger PERSONNES = new AtomicInteger();

    private static String prenom(int n) {
        StringBuilder s = new StringBuilder("Bench");
        for (int i = 0; i < 5; i++, n /= 26) {
            s.append((char) ('a' + n % 26));
        }
        return s.toString();
    }

    private static void enregistrer(HttpClient client, String base, String autorisation, int n, int clients,
                                    Mesures latences)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger echecs = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    // every benchmark demand is another applicant (first name of its own): no presumed duplicate
                    String json = MODELE.replaceFirst("\"prenoms\": \"Léa Marie\"",
                            "\"prenoms\": \"" + prenom(PERSONNES.incrementAndGet()) + "\"");
                    long debut = System.nanoTime();
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/demandes"))
                            .header("Content-Type", "application/json").header("Authorization", autorisation)
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    latences.ajouter(System.nanoTime() - debut);
                    if (r.statusCode() != 201) {
                        echecs.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        if (echecs.get() > 0) {
            throw new IllegalStateException(echecs.get() + " enregistrements refusés pendant la mesure");
        }
    }

    /**
     * The same rows as a registration, written by plain JDBC: counter increment (its own transaction, as the hub),
     * then demand (with its search columns), history line, audit line and outbox event in one transaction.
     */
    private static double baseline(TestDatabase db, int n, int clients) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_demande (LIKE demande INCLUDING ALL)");
            s.execute("CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL)");
            s.execute("CREATE TABLE bench_compteur (LIKE compteur_numero INCLUDING ALL)");
            s.execute("CREATE TABLE bench_historique (LIKE demande_historique INCLUDING ALL)");
            s.execute("CREATE TABLE bench_audit (LIKE audit INCLUDING ALL)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger suivant = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = db.connect()) {
                        c.setAutoCommit(false);
                        PreparedStatement compteur = c.prepareStatement("INSERT INTO bench_compteur "
                                + "(territoire, mois_annee, dernier) VALUES ('044', '1126', 1) ON CONFLICT "
                                + "(territoire, mois_annee) DO UPDATE SET dernier = bench_compteur.dernier + 1 "
                                + "RETURNING dernier");
                        PreparedStatement demande = c.prepareStatement("INSERT INTO bench_demande (numero_unique, "
                                + "nom, prenoms, date_naissance, commune, typologie, guichet, territoire, date_depot, "
                                + "date_validite, statut, version, dossier, canal_creation, communes, typologies) "
                                + "VALUES (?, 'Bench', 'Demande', ?, '44109', 'T3', 'G1104', '044', ?, ?, 'ACTIVE', 0, "
                                + "CAST(? AS jsonb), 'REST', ARRAY['44109', '44162'], ARRAY['T3', 'T4'])");
                        PreparedStatement historique = c.prepareStatement("INSERT INTO bench_historique "
                                + "(numero_unique, version, horodatage, operation, acteur, canal, changements) VALUES "
                                + "(?, 0, now(), 'ENREGISTREMENT', 'anonyme@127.0.0.1', 'REST', '[]'::jsonb)");
                        PreparedStatement audit = c.prepareStatement("INSERT INTO bench_audit (horodatage, acteur,"
                                + " organisation, canal, operation, numero_unique, territoire) VALUES (now(),"
                                + " 'bench.gestionnaire', 'BENCH', 'REST', 'ENREGISTREMENT', ?, '044')");
                        PreparedStatement outbox = c.prepareStatement("INSERT INTO bench_outbox (evenement_id, type, "
                                + "numero_unique, horodatage, contenu) VALUES (?, 'demandeEnregistree', ?, now(), "
                                + "CAST(? AS json))");
                        while (suivant.getAndIncrement() < n) {
                            long seq;
                            try (ResultSet rs = compteur.executeQuery()) {
                                rs.next();
                                seq = rs.getLong(1);
                            }
                            c.commit();
                            String numero = String.format("0441126%06dG1104", seq);
                            demande.setString(1, numero);
                            demande.setObject(2, LocalDate.of(1980, 1, 1));
                            demande.setObject(3, LocalDate.now());
                            demande.setObject(4, LocalDate.now().plusYears(1));
                            demande.setString(5, MODELE);
                            demande.executeUpdate();
                            historique.setString(1, numero);
                            historique.executeUpdate();
                            audit.setString(1, numero);
                            audit.executeUpdate();
                            outbox.setObject(1, UUID.randomUUID());
                            outbox.setString(2, numero);
                            outbox.setString(3, MODELE);
                            outbox.executeUpdate();
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return n / secondes(t0);
    }

    // ------------------------------------------------------------------ helpers

    private static double secondes(long depuis) {
        return (System.nanoTime() - depuis) / 1e9;
    }

}
