package org.registrehub.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * The back-office at national scale: loads N generated demands (2.6 M by default) into a hub, signs a gestionnaire in
 * the staff's web application, then times its search pages and a demand's dossier page (p50, p99) against the REST
 * calls that give the same data to a script (the same searches, the same demand and its history), in the same run.
 * See bench/README.md.
 */
public final class BackofficeBench {

    private static final long GRAINE = 20_261_207L;
    private static final LocalDate AUJOURDHUI = LocalDate.now();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private BackofficeBench() {
    }

    public static void main(String[] args) throws Exception {
        int nombre = args.length > 0 ? Integer.parseInt(args[0]) : 2_600_000;
        int echantillons = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        try (TestDatabase db = StockNational.base("registre_bench_backoffice");
             HubLance hub = new HubLance(distribution, dir, db)) {
            hub.attendreSante(Duration.ofMinutes(10));
            StockNational.preparer(db, GRAINE, AUJOURDHUI, nombre, StockNational.gardee());
            String numero = db.text("SELECT numero_unique FROM demande WHERE statut = 'ACTIVE' ORDER BY id"
                    + " OFFSET " + (nombre / 2) + " LIMIT 1");
            String territoire = numero.substring(0, 3);
            String nom = db.text("SELECT lower(substr(nom, 1, 4)) FROM demande WHERE numero_unique = '" + numero + "'");
            String commune = db.text("SELECT commune FROM demande WHERE numero_unique = '" + numero + "'");
            String basic = hub.compteDeMesure(db, List.of(territoire));
            HttpClient navigateur = connecter(hub, basic);
            System.out.printf("BENCH backoffice.dataset %d demandes ; demande %s, nom %s…, commune %s ; hub RSS %d"
                    + " MiB%n", nombre, numero, nom, commune, hub.rssMiB());

            // each page against the REST call that gives a script the same data
            Map<String, String[]> paires = new LinkedHashMap<>();
            String parNom = "nom=" + URLEncoder.encode(nom, StandardCharsets.UTF_8) + "&territoire=" + territoire;
            paires.put("recherche-nom", new String[] {"/backoffice/demandes?" + parNom, "/api/v1/demandes?" + parNom});
            String parCommune = "commune=" + commune + "&statut=ACTIVE";
            paires.put("recherche-commune", new String[] {"/backoffice/demandes?" + parCommune,
                "/api/v1/demandes?" + parCommune});
            paires.put("dossier", new String[] {"/backoffice/demandes/" + numero, "/api/v1/demandes/" + numero});
            paires.put("modifier", new String[] {"/backoffice/demandes/" + numero + "/modifier",
                "/api/v1/demandes/" + numero});
            paires.put("accueil", new String[] {"/backoffice/", "/api/v1/demandes?territoire=" + territoire
                + "&depotDu=" + AUJOURDHUI.withDayOfMonth(1) + "&taille=1"});
            for (Map.Entry<String, String[]> p : paires.entrySet()) {
                Mesures api = Mesures.http(echantillons, () -> hub.client.send(HttpRequest.newBuilder(URI.create(hub.base
                        + p.getValue()[1])).header("Authorization", basic).build(), HttpResponse.BodyHandlers
                        .ofString()));
                Mesures page = Mesures.http(echantillons, () -> navigateur.send(HttpRequest.newBuilder(URI.create(hub.base
                        + p.getValue()[0])).build(), HttpResponse.BodyHandlers.ofString()));
                System.out.printf("BENCH backoffice.page.%s %s | REST %s | ratio p50 %.2f, p99 %.2f%n", p.getKey(),
                        page.resume(), api.resume(), page.percentile(50) / api.percentile(50),
                        page.percentile(99) / api.percentile(99));
            }
            System.out.printf("BENCH backoffice.memory hub RSS %d MiB after the run%n", hub.rssMiB());
        }
    }

    /** Signs the measuring account in the back-office: its client then holds the session cookie. */
    private static HttpClient connecter(HubLance hub, String basic) throws Exception {
        String[] compte = new String(java.util.Base64.getDecoder().decode(basic.substring("Basic ".length())),
                StandardCharsets.UTF_8).split(":", 2);
        HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = c.send(HttpRequest.newBuilder(URI.create(hub.base + "/backoffice/connexion"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("pas de jeton sur la page de connexion");
        }
        String corps = "csrf=" + m.group(1) + "&identifiant=" + URLEncoder.encode(compte[0], StandardCharsets.UTF_8)
                + "&motDePasse=" + URLEncoder.encode(compte[1], StandardCharsets.UTF_8);
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(hub.base + "/backoffice/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) {
            throw new IllegalStateException("connexion refusée : " + r.statusCode());
        }
        return c;
    }
}
