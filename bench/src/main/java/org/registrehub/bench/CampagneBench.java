package org.registrehub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.helper.SimpleMessageListenerAdapter;
import org.subethamail.smtp.server.SMTPServer;
import org.registrehub.bench.donnees.ChargementMasse;
import org.registrehub.bench.donnees.GenerateurDemandes;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.bench.donnees.StockNational;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * A full day's renewal campaign at national scale: N generated demands (2.6 M by default; their ends of validity
 * spread over the year, so about 1/12 of the active ones are due for their one-month notice), the hub sending its
 * email notices to a real SMTP server (SubEtha SMTP, in this JVM, that counts and drops them) and writing the letter batches. Timed from
 * {@code registre:campagne-lancer} to its end, against the bare SQL selection of the same due demands in the same run.
 * See bench/README.md.
 */
public final class CampagneBench {

    private static final long GRAINE = 20_261_201L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String MOT_DE_PASSE = "mot de passe du banc de la campagne";

    /** The campaign's cluster lease names (CampagneStore.BAIL). */
    private static final String CAMPAGNE_BAIL = "campagne-renouvellement:";

    private CampagneBench() {
    }

    public static void main(String[] args) throws Exception {
        int nombre = args.length > 0 ? Integer.parseInt(args[0]) : 2_600_000;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        LocalDate aujourdhui = LocalDate.now(PARIS);
        // a real SMTP server (SubEtha SMTP) that reads each message whole, counts it and drops it
        java.util.concurrent.atomic.AtomicLong recus = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong octets = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<CampagneBaseline.Recueil> recueil =
                new java.util.concurrent.atomic.AtomicReference<>();
        SMTPServer smtp = new SMTPServer(new SimpleMessageListenerAdapter(new SimpleMessageListener() {
            @Override
            public boolean accept(String de, String pour) {
                return true;
            }

            @Override
            public void deliver(String de, String pour, java.io.InputStream donnees) throws java.io.IOException {
                byte[] message = donnees.readAllBytes();
                octets.addAndGet(message.length);
                recus.incrementAndGet();
                // the campaign's e-mails are kept, for the baseline to send the same ones again
                CampagneBaseline.Recueil r = recueil.get();
                if (r != null) {
                    r.garder(message);
                }
            }
        }));
        smtp.setBindAddress(java.net.InetAddress.getLoopbackAddress());
        smtp.setPort(libre());
        smtp.start();
        // the campaign's own hour is set out of the way: the benchmark starts it itself once the data are loaded
        Map<String, String> env = new java.util.HashMap<>(Map.of("REGISTRE_SMTP_HOTE", "127.0.0.1",
                "REGISTRE_SMTP_PORT", String.valueOf(smtp.getPort()), "REGISTRE_CAMPAGNE_HEURE", "23:59",
                // the benchmark's own SMTP server on loopback speaks in clear
                "REGISTRE_SMTP_STARTTLS", "false"));
        // the sending's settings may be tried without rebuilding: -Dregistre.bench.smtp.connexions=8
        for (String cle : List.of("connexions", "groupe")) {
            String valeur = System.getProperty("registre.bench.smtp." + cle);
            if (valeur != null) {
                env.put("REGISTRE_SMTP_" + cle.toUpperCase(java.util.Locale.ROOT), valeur);
                System.out.printf("BENCH campaign.setting smtp.%s = %s%n", cle, valeur);
            }
        }
        try (TestDatabase db = StockNational.base("registre_bench_campagne");
             HubLance hub = new HubLance(distribution, dir, db, env)) {
            hub.attendreSante(Duration.ofMinutes(10));
            // an administrator of the benchmark's own (a kept database already has its first administrator, whose
            // password the new hub folder does not know)
            HubLance.creerCompte(db, "BENCHADM", "HUB", "044", "bench.admin", "admin", MOT_DE_PASSE);
            HubLance.attendre("la campagne est installée (registre:campagne-bilan)", Duration.ofMinutes(3),
                    () -> hub.console("registre:campagne-bilan --dernieres 1",
                    "bench.admin", MOT_DE_PASSE).contains("Jour"));
            if (StockNational.gardee() && db.count("SELECT count(*) FROM demande") == nombre) {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute("TRUNCATE jeton_renouvellement, lot_courrier, campagne_radiation, avis_renouvellement,"
                            + " campagne_renouvellement");
                    // a run stopped midway leaves its lease; a database kept by another bench (StatistiquesBench's
                    // history) may hold notices to applicants, which the hub would send to this SMTP server meanwhile
                    s.execute("DELETE FROM bail_cluster WHERE nom LIKE '" + CAMPAGNE_BAIL + "%'");
                    s.execute("DELETE FROM avis_demande WHERE etat = 'A_ENVOYER'");
                    s.execute("VACUUM ANALYZE demande");
                }
                System.out.printf("BENCH load.reused %d demandes already in %s%n", nombre, db.name());
            } else {
                charger(db, nombre, aujourdhui);
            }
            LocalDate limite = limite(aujourdhui);
            long[] base = selection(db, limite);
            System.out.printf("BENCH campaign.dataset %d demandes, %d actives, %d à aviser (fin de validité au plus"
                    + " tard le %s), %d avec une adresse électronique%n", nombre, base[2], base[0], limite, base[1]);
            // the bare selection of the same demands, measured twice (the second is the one kept: warm cache)
            selection(db, limite);
            long t0 = System.nanoTime();
            long[] encore = selection(db, limite);
            double sql = (System.nanoTime() - t0) / 1e9;
            long rssAvant = hub.rssMiB();
            Path travail = Files.createDirectories(dir.resolve("baseline"));
            recueil.set(new CampagneBaseline.Recueil(travail.resolve("courriels.bin")));
            Machine.attendreRepos("the campaign", 20, Duration.ofMinutes(3));
            Machine.Instantane charge = Machine.Instantane.maintenant();
            long debut = System.nanoTime();
            String sortie = hub.console("registre:campagne-lancer", "bench.admin", MOT_DE_PASSE);
            double campagne = (System.nanoTime() - debut) / 1e9;
            String chargeCampagne = Machine.depuis(charge);
            long rssApres = hub.rssMiB();
            recueil.getAndSet(null).close();
            // the console's report, without its per-guichet and per-batch rows (thousands at this scale)
            sortie.lines().filter(l -> l.startsWith("Début") || l.startsWith("Campagne") || l.startsWith("Guichet ")
                    || l.startsWith("TOTAL") || l.startsWith("Temps") || l.contains("lot(s)") || l.startsWith("…")).forEach(System.out::println);
            long avis = db.count("SELECT count(*) FROM avis_renouvellement WHERE nature = 'AVIS' AND etat = 'ENVOYE'");
            long courriels = db.count("SELECT count(*) FROM avis_renouvellement WHERE canal = 'EMAIL'"
                    + " AND etat = 'ENVOYE'");
            long lots = db.count("SELECT count(*) FROM lot_courrier");
            long pages = db.count("SELECT coalesce(sum(lettres), 0) FROM lot_courrier");
            if (avis != encore[0]) {
                throw new IllegalStateException("la campagne a avisé " + avis + " demandes, la sélection en donne "
                        + encore[0]);
            }
            System.out.printf("BENCH campaign.notices %d avis (%d courriels reçus par le serveur SMTP, %d lettres en"
                    + " %d lots PDF, %s ; %d Mio de courriels)%n", avis, recus.get(), pages, lots,
                    tailleLots(hub.home.resolve("data/registre/courriers")), octets.get() / (1024 * 1024));
            System.out.printf("BENCH campaign.run %.1f s, %.0f avis/s (courriels %d)%n", campagne, avis / campagne,
                    courriels);
            System.out.printf("BENCH campaign.baseline bare SQL selection of the same due demands %.2f s,"
                    + " %.0f rows/s%n", sql, encore[0] / sql);
            System.out.printf("BENCH campaign.ratio %.5f (selection time / campaign time; 1 = the campaign costs no"
                    + " more than reading its demands)%n", sql / campagne);
            System.out.printf("BENCH campaign.memory hub RSS %d MiB before, %d MiB after%n", rssAvant, rssApres);
            System.out.printf("BENCH campaign.load during the campaign: %s%n", chargeCampagne);

            // the new baseline: the same e-mails sent again by a plain JavaMail loop on one connection to the same
            // server, then the same letters written again by PDFBox, in this run, the hub idle; each three times
            // (loopback SMTP and a fresh JVM vary by a factor of two from one pass to the next), the median kept
            List<CampagneBaseline.Mesure> envois = new ArrayList<>();
            List<CampagneBaseline.Mesure> ecritures = new ArrayList<>();
            for (int passe = 1; passe <= 3; passe++) {
                long recusAvant = recus.get();
                Machine.attendreRepos("the JavaMail loop", 20, Duration.ofMinutes(3));
                charge = Machine.Instantane.maintenant();
                CampagneBaseline.Mesure m = CampagneBaseline.courriels(travail.resolve("courriels.bin"), "127.0.0.1",
                        smtp.getPort());
                if (recus.get() - recusAvant != m.nombre() || m.nombre() != courriels) {
                    throw new IllegalStateException("la base a envoyé " + m.nombre() + " courriels, le serveur en a"
                            + " reçu " + (recus.get() - recusAvant) + ", la campagne " + courriels);
                }
                System.out.printf("BENCH campaign.baseline.mail pass %d: plain JavaMail loop, one SMTP connection:"
                        + " %d courriels in %.1f s, %.0f/s (%s)%n", passe, m.nombre(), m.secondes(),
                        m.nombre() / m.secondes(), Machine.depuis(charge));
                envois.add(m);
                Machine.attendreRepos("the PDFBox letters", 20, Duration.ofMinutes(3));
                charge = Machine.Instantane.maintenant();
                CampagneBaseline.Mesure l = CampagneBaseline.lettres(hub.home.resolve("data/registre/courriers"),
                        travail.resolve("lettres-" + passe));
                if (l.nombre() != pages) {
                    throw new IllegalStateException("la base a écrit " + l.nombre() + " lettres, la campagne "
                            + pages);
                }
                System.out.printf("BENCH campaign.baseline.pdf pass %d: PDFBox writing the same %d letters in %d"
                        + " files: %.1f s, %.0f/s (%s)%n", passe, l.nombre(), lots, l.secondes(),
                        l.nombre() / l.secondes(), Machine.depuis(charge));
                ecritures.add(l);
            }
            double courrielsBase = CampagneBaseline.mediane(envois);
            double lettresBase = CampagneBaseline.mediane(ecritures);
            double tempsBase = courrielsBase + lettresBase;
            System.out.printf("BENCH campaign.baseline median: JavaMail loop %.1f s (%.0f courriels/s) + PDFBox %.1f s"
                    + " = %.1f s%n", courrielsBase, courriels / courrielsBase, lettresBase, tempsBase);
            System.out.printf("BENCH campaign.ratio.baseline %.2f (campaign time / baseline; target ≤ 1.3, below 1 when"
                    + " the campaign's parallel SMTP sessions beat one connection)%n", campagne / tempsBase);
        } finally {
            smtp.stop();
        }
    }

    private static int libre() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The same latest end of validity as the renewal calendar with a one-month notice (month ends included). */
    static LocalDate limite(LocalDate jour) {
        if (jour.equals(YearMonth.from(jour).atEndOfMonth())) {
            return YearMonth.from(jour).plusMonths(1).atEndOfMonth();
        }
        return jour.plusMonths(1);
    }

    private static void charger(TestDatabase db, int nombre, LocalDate aujourdhui) throws Exception {
        GenerateurDemandes generateur = new GenerateurDemandes(GRAINE, aujourdhui, 4);
        long t0 = System.nanoTime();
        try (Connection c = db.connect()) {
            new ChargementMasse(new JacksonJsonCodec()).charger(c, generateur, nombre, 20_000, n -> {
                if (n % 500_000 == 0 || n == nombre) {
                    System.out.printf("… %d demandes chargées (%.0f/s)%n", n, n / ((System.nanoTime() - t0) / 1e9));
                }
            });
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE demande");
            }
        }
    }

    /** Streams the due demands with what a notice needs: {due, with email, active}. */
    private static long[] selection(TestDatabase db, LocalDate limite) throws Exception {
        long dues = 0;
        long emails = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SELECT numero_unique, guichet, date_validite,"
                    + " dossier->'contact'->>'email', dossier->'contact'->>'adresse' FROM demande"
                    + " WHERE statut = 'ACTIVE' AND date_validite <= ?")) {
                p.setFetchSize(10_000);
                p.setObject(1, limite);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        dues++;
                        if (rs.getString(4) != null) {
                            emails++;
                        }
                    }
                }
            }
            c.commit();
        }
        return new long[] {dues, emails, db.count("SELECT count(*) FROM demande WHERE statut = 'ACTIVE'")};
    }

    private static String tailleLots(Path dossier) throws Exception {
        if (!Files.isDirectory(dossier)) {
            return "aucun fichier";
        }
        try (Stream<Path> s = Files.list(dossier)) {
            return (s.mapToLong(p -> p.toFile().length()).sum() / (1024 * 1024)) + " MiB de PDF";
        }
    }
}
