package org.registrehub.bench;

import org.registrehub.testing.HubLance;

import java.net.URI;
import java.net.URLEncoder;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.registrehub.api.Demande;
import org.registrehub.bench.donnees.GenerateurDemandes;
import org.registrehub.bench.donnees.StockNational;
import org.registrehub.testing.TestDatabase;

/**
 * Search latency at national scale: loads N generated demands (2.6 M by default) into a hub, then times typical
 * searches through {@code GET /api/v1/demandes} (p50, p99) against the same criteria answered by a naive full scan of
 * the same table (index scans disabled), in the same run. See bench/README.md.
 */
public final class RechercheBench {

    private static final long GRAINE = 20_261_123L;
    private static final LocalDate AUJOURDHUI = LocalDate.now();

    private RechercheBench() {
    }

    /** A typical search: its REST query and the equivalent SQL conditions. */
    private record Requete(String rest, String sql, List<Object> parametres) {
    }

    public static void main(String[] args) throws Exception {
        int nombre = args.length > 0 ? Integer.parseInt(args[0]) : 2_600_000;
        int echantillons = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        try (TestDatabase db = StockNational.base("registre_bench_recherche");
             HubLance hub = new HubLance(distribution, dir, db)) {
            hub.attendreSante(Duration.ofMinutes(10)); // migrations of a kept database may build indexes
            StockNational.preparer(db, GRAINE, AUJOURDHUI, nombre, StockNational.gardee());
            autorisation = hub.compteDeMesure(db, territoires(db));
            Map<String, List<Requete>> requetes = requetes(nombre, echantillons);
            System.out.printf("BENCH search.dataset %d demandes, table %s%n", nombre, taille(db));
            for (Map.Entry<String, List<Requete>> e : requetes.entrySet()) {
                mesurer(hub, db, e.getKey(), e.getValue());
            }
        }
    }

    /** Samples spread over the whole load (the same seed gives the same demands again). */
    private static Map<String, List<Requete>> requetes(int nombre, int echantillons) {
        GenerateurDemandes generateur = new GenerateurDemandes(GRAINE, AUJOURDHUI, 4);
        int pas = Math.max(1, nombre / echantillons);
        Map<String, List<Requete>> requetes = new LinkedHashMap<>();
        for (String type : List.of("nom+territoire", "nom+naissance", "commune+statut+typologie",
                "territoire+echeance", "numero")) {
            requetes.put(type, new ArrayList<>());
        }
        for (int i = 0; i < nombre; i++) {
            Demande d = generateur.suivante();
            if (i % pas != 0) {
                continue;
            }
            var demandeur = d.dossier().demandeur();
            String prefixe = normalise(demandeur.nom());
            prefixe = prefixe.substring(0, Math.min(4, prefixe.length()));
            requetes.get("nom+territoire").add(new Requete("nom=" + prefixe + "&territoire=" + d.territoire(),
                    "registre_normaliser(nom) LIKE ? AND territoire = ?", List.of(prefixe + "%", d.territoire())));
            requetes.get("nom+naissance").add(new Requete("nom=" + enc(demandeur.nom()) + "&dateNaissance="
                    + demandeur.dateNaissance(), "registre_normaliser(nom) LIKE registre_normaliser(?) || '%' AND "
                    + "date_naissance = ?", List.of(demandeur.nom(), demandeur.dateNaissance())));
            String commune = d.dossier().logementRecherche().communes().get(0);
            String typologie = d.dossier().logementRecherche().typologies().get(0).name();
            requetes.get("commune+statut+typologie").add(new Requete("commune=" + commune + "&statut=ACTIVE&typologie="
                    + typologie, "? = ANY(communes) AND statut = 'ACTIVE' AND ? = ANY(typologies)",
                    List.of(commune, typologie)));
            LocalDate debut = AUJOURDHUI.plusDays(i % 28);
            requetes.get("territoire+echeance").add(new Requete("territoire=" + d.territoire()
                    + "&statut=ACTIVE&validiteDu=" + debut + "&validiteAu=" + debut.plusMonths(1) + "&tri=dateValidite",
                    "territoire = ? AND statut = 'ACTIVE' AND date_validite BETWEEN ? AND ?",
                    List.of(d.territoire(), debut, debut.plusMonths(1))));
            String numero = d.numeroUnique().substring(0, 11);
            requetes.get("numero").add(new Requete("numeroUnique=" + numero, "numero_unique LIKE ?",
                    List.of(numero + "%")));
        }
        return requetes;
    }

    private static void mesurer(HubLance hub, TestDatabase db, String type, List<Requete> requetes) throws Exception {
        Mesures rest = new Mesures(requetes.size());
        for (Requete r : requetes) {
            appeler(hub, r); // warm-up of this very query
            long debut = System.nanoTime();
            HttpResponse<String> reponse = appeler(hub, r);
            rest.ajouter(System.nanoTime() - debut);
            if (reponse.statusCode() != 200) {
                throw new IllegalStateException(type + " : " + reponse.statusCode() + " " + reponse.body());
            }
        }
        Mesures scan = new Mesures(5);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_indexscan = off");
            s.execute("SET enable_bitmapscan = off");
            s.execute("SET enable_indexonlyscan = off");
            for (Requete r : requetes.subList(0, Math.min(5, requetes.size()))) {
                long debut = System.nanoTime();
                executer(c, "SELECT numero_unique FROM demande WHERE " + r.sql() + " ORDER BY date_depot DESC LIMIT 20",
                        r.parametres());
                executer(c, "SELECT count(*) FROM (SELECT 1 FROM demande WHERE " + r.sql() + " LIMIT 10001) x",
                        r.parametres());
                scan.ajouter(System.nanoTime() - debut);
            }
        }
        System.out.printf("BENCH search.%s REST %s | naive full scan p50 %.0f ms | ratio %.4f%n", type, rest.resume(),
                scan.percentile(50), rest.percentile(50) / scan.percentile(50));
    }

    /** Basic header of the benchmark's gestionnaire, who covers every territory of the loaded demands. */
    private static String autorisation;

    private static List<String> territoires(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT DISTINCT territoire FROM demande")) {
            List<String> t = new java.util.ArrayList<>();
            while (rs.next()) {
                t.add(rs.getString(1));
            }
            return t;
        }
    }

    private static HttpResponse<String> appeler(HubLance hub, Requete r) throws Exception {
        return hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + "/api/v1/demandes?" + r.rest()
                + "&taille=20")).header("Authorization", autorisation).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void executer(Connection c, String sql, List<Object> parametres) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parametres.size(); i++) {
                p.setObject(i + 1, parametres.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    private static String taille(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('demande'))")) {
            rs.next();
            return rs.getString(1) + " with indexes";
        }
    }

    /** Same folding as the hub's registre_normaliser (letters only, lower case, no accents). */
    private static String normalise(String nom) {
        return java.text.Normalizer.normalize(nom.toLowerCase(), java.text.Normalizer.Form.NFD)
                .replaceAll("[^a-z]", "");
    }

    private static String enc(String valeur) {
        return URLEncoder.encode(valeur, StandardCharsets.UTF_8);
    }
}
