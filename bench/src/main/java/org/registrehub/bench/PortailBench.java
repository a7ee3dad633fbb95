package org.registrehub.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.bench.donnees.StockNational;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * The applicant's portal at national scale: loads N generated demands (2.6 M by default) into a hub, signs an
 * applicant in (an account linked to one of the loaded demands), then times the portal's pages (p50, p99) against
 * the same demand read through {@code GET /api/v1/demandes/{numero}} and the local information against its two SQL
 * aggregates run directly, in the same run; then uploads and downloads documents of the dossier unique through
 * {@code /api/v1/pieces} against plain JDBC writes and reads of the same bytes into a bytea table. See bench/README.md.
 */
public final class PortailBench {

    private static final long GRAINE = 20_261_123L;
    private static final LocalDate AUJOURDHUI = LocalDate.now();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private PortailBench() {
    }

    public static void main(String[] args) throws Exception {
        int nombre = args.length > 0 ? Integer.parseInt(args[0]) : 2_600_000;
        int echantillons = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int pieces = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        try (TestDatabase db = StockNational.base("registre_bench_portail");
             HubLance hub = new HubLance(distribution, dir, db)) {
            hub.attendreSante(Duration.ofMinutes(10));
            StockNational.preparer(db, GRAINE, AUJOURDHUI, nombre, StockNational.gardee());
            String numero = db.text("SELECT numero_unique FROM demande WHERE statut = 'ACTIVE' ORDER BY id"
                    + " OFFSET " + (nombre / 2) + " LIMIT 1");
            String commune = db.text("SELECT commune FROM demande WHERE numero_unique = '" + numero + "'");
            String basic = hub.compteDeMesure(db, List.of(numero.substring(0, 3)));
            HttpClient navigateur = demandeur(hub, db, numero);
            System.out.printf("BENCH portal.dataset %d demandes ; demande %s, commune %s ; hub RSS %d MiB%n", nombre,
                    numero, commune, hub.rssMiB());

            // the REST read of the same demand: the baseline of the pages that show it
            Mesures rest = Mesures.http(echantillons, () -> hub.client.send(HttpRequest.newBuilder(URI.create(hub.base
                    + "/api/v1/demandes/" + numero)).header("Authorization", basic).build(),
                    HttpResponse.BodyHandlers.ofString()));
            System.out.printf("BENCH portal.baseline GET /api/v1/demandes/{numero} %s%n", rest.resume());
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("accueil", "/portail/");
            pages.put("mes-demandes", "/portail/mes-demandes");
            pages.put("demande", "/portail/demandes/" + numero);
            pages.put("modifier", "/portail/demandes/" + numero + "/modifier");
            pages.put("pieces", "/portail/demandes/" + numero + "/pieces");
            pages.put("guichets", "/portail/guichets?commune=" + commune);
            for (Map.Entry<String, String> p : pages.entrySet()) {
                Mesures m = Mesures.http(echantillons, () -> navigateur.send(HttpRequest.newBuilder(URI.create(hub.base
                        + p.getValue())).build(), HttpResponse.BodyHandlers.ofString()));
                System.out.printf("BENCH portal.page.%s %s | ratio p50 vs REST read %.2f%n", p.getKey(), m.resume(),
                        m.percentile(50) / rest.percentile(50));
            }
            // the local information of the commune: against its aggregates, straight in SQL
            Mesures informations = Mesures.http(echantillons, () -> navigateur.send(HttpRequest.newBuilder(URI.create(
                    hub.base + "/portail/informations-locales?commune=" + commune)).build(),
                    HttpResponse.BodyHandlers.ofString()));
            Mesures sql = new Mesures(echantillons);
            try (Connection c = db.connect()) {
                for (int i = 0; i < echantillons + 10; i++) {
                    long debut = System.nanoTime();
                    lire(c, "SELECT typologie, count(*) FROM demande WHERE statut = 'ACTIVE' AND commune = ?"
                            + " GROUP BY typologie", commune);
                    lire(c, "SELECT typologie, count(*), sum(date_radiation - date_depot) FROM demande WHERE statut ="
                            + " 'RADIEE' AND motif_radiation = 'ATTRIBUTION' AND commune = ? AND date_radiation >="
                            + " current_date - 730 GROUP BY typologie", commune);
                    if (i >= 10) {
                        sql.ajouter(System.nanoTime() - debut);
                    }
                }
            }
            System.out.printf("BENCH portal.page.informations-locales %s | SQL aggregates %s | ratio p50 %.2f%n",
                    informations.resume(), sql.resume(), informations.percentile(50) / sql.percentile(50));
            long debutCsv = System.nanoTime();
            HttpResponse<String> csv = navigateur.send(HttpRequest.newBuilder(URI.create(hub.base
                    + "/portail/informations-locales.csv")).build(), HttpResponse.BodyHandlers.ofString());
            System.out.printf("BENCH portal.opendata.csv %d communes in %.0f ms (%d KiB)%n", csv.body().split("\r\n")
                    .length - 1, (System.nanoTime() - debutCsv) / 1e6, csv.body().length() / 1024);

            transferts(hub, db, basic, numero, pieces);
            System.out.printf("BENCH portal.memory hub RSS %d MiB after the load%n", hub.rssMiB());
        }
    }

    /** Uploads then downloads {@code n} documents of 1 MiB over REST, against JDBC writes and reads of the same bytes. */
    private static void transferts(HubLance hub, TestDatabase db, String basic, String numero, int n)
            throws Exception {
        byte[] pdf = pdf(1024 * 1024);
        long octets = (long) pdf.length * n;
        Long precedente = null;
        long debut = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + "/api/v1/pieces/"
                    + numero + "?categorie=RESSOURCES&nom=bulletin-" + i + ".pdf" + (precedente == null ? ""
                    : "&remplace=" + precedente))).header("Authorization", basic).header("Content-Type",
                    "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("dépôt : " + r.statusCode() + " " + r.body());
            }
            Matcher m = Pattern.compile("\"id\":([0-9]+)").matcher(r.body());
            m.find();
            precedente = Long.valueOf(m.group(1));
        }
        double depot = octets / 1_048_576.0 / ((System.nanoTime() - debut) / 1e9);
        debut = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpResponse<byte[]> r = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + "/api/v1/pieces/"
                    + numero + "/" + precedente)).header("Authorization", basic).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length != pdf.length) {
                throw new IllegalStateException("lecture : " + r.statusCode());
            }
        }
        double lecture = octets / 1_048_576.0 / ((System.nanoTime() - debut) / 1e9);
        double ecritureJdbc;
        double lectureJdbc;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_octets (id BIGSERIAL PRIMARY KEY, contenu BYTEA)");
            s.execute("ALTER TABLE bench_octets ALTER COLUMN contenu SET STORAGE EXTERNAL");
            long id = 0;
            debut = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_octets (contenu) VALUES (?) RETURNING id")) {
                for (int i = 0; i < n; i++) {
                    p.setBytes(1, pdf);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
            }
            ecritureJdbc = octets / 1_048_576.0 / ((System.nanoTime() - debut) / 1e9);
            debut = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("SELECT contenu FROM bench_octets WHERE id = ?")) {
                for (int i = 0; i < n; i++) {
                    p.setLong(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        rs.getBytes(1);
                    }
                }
            }
            lectureJdbc = octets / 1_048_576.0 / ((System.nanoTime() - debut) / 1e9);
            s.execute("DROP TABLE bench_octets");
        }
        System.out.printf("BENCH portal.upload %.1f MiB/s (REST, content verified, SHA-256, audit, outbox) | JDBC"
                + " insert %.1f MiB/s | ratio %.2f%n", depot, ecritureJdbc, depot / ecritureJdbc);
        System.out.printf("BENCH portal.download %.1f MiB/s (REST, SHA-256 checked, audit) | JDBC select %.1f MiB/s |"
                + " ratio %.2f%n", lecture, lectureJdbc, lecture / lectureJdbc);
    }

    /** A PDF of about {@code taille} bytes that PDFBox opens: one page, a long comment before its trailer. */
    static byte[] pdf(int taille) {
        StringBuilder b = new StringBuilder("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n");
        while (b.length() < taille - 64) {
            b.append('%').append("x".repeat(126)).append('\n');
        }
        b.append("trailer<</Root 1 0 R>>\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An applicant account linked to the demand, confirmed, signed in: the client holds its session cookie. */
    private static HttpClient demandeur(HubLance hub, TestDatabase db, String numero) throws Exception {
        String mdp = "phrase de passe du banc d'essai";
        String empreinte = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", mdp.toCharArray(),
                new byte[16], 10);
        db.execute("INSERT INTO compte_demandeur (email, empreinte_mot_de_passe, confirme_le) VALUES"
                + " ('bench@example.org', '" + empreinte + "', now()) ON CONFLICT (email) DO UPDATE SET"
                + " empreinte_mot_de_passe = excluded.empreinte_mot_de_passe");
        db.execute("INSERT INTO compte_demande (compte, numero_unique) SELECT id, '" + numero + "' FROM"
                + " compte_demandeur WHERE email = 'bench@example.org' ON CONFLICT DO NOTHING");
        HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = c.send(HttpRequest.newBuilder(URI.create(hub.base + "/portail/connexion")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        m.find();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(hub.base + "/portail/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "csrf=" + m.group(1) + "&email=bench%40example.org&motDePasse=" + URLEncoder.encode(mdp,
                                StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) {
            throw new IllegalStateException("connexion du demandeur : " + r.statusCode() + " " + r.body());
        }
        return c;
    }

    private static void lire(Connection c, String sql, String parametre) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parametre);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }
}
