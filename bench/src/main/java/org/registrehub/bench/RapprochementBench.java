package org.registrehub.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.registrehub.api.Demande;
import org.registrehub.api.Statut;
import org.registrehub.bench.donnees.GenerateurDemandes;
import org.registrehub.bench.donnees.StockNational;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * Matching at national scale: loads N generated demands (2.6 M by default) into a hub, offers sample dwellings
 * (communes and typologies drawn from the pending demands, rents by typology, every financing), then times
 * {@code GET /api/v1/logements/{rpls}/candidats?limite=20} (p50, p99, the eligible count included) against the same
 * criteria answered by a naive full scan of the demands (their dossiers read, index scans disabled), in the same
 * run. See bench/README.md.
 */
public final class RapprochementBench {

    private static final long GRAINE = 20_261_123L;
    private static final LocalDate AUJOURDHUI = LocalDate.now();

    private RapprochementBench() {
    }

    /** A sample dwelling. */
    private record Logement(String rpls, String commune, String typologie, int loyer, int charges, String financement,
                            int etage, boolean ascenseur, String accessibilite) {
        int depense() {
            return loyer + charges;
        }
    }

    public static void main(String[] args) throws Exception {
        int nombre = args.length > 0 ? Integer.parseInt(args[0]) : 2_600_000;
        int echantillons = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        try (TestDatabase db = StockNational.base("registre_bench_rapprochement");
             HubLance hub = new HubLance(distribution, dir, db)) {
            hub.attendreSante(Duration.ofMinutes(10));
            StockNational.preparer(db, GRAINE, AUJOURDHUI, nombre, StockNational.gardee());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM logement_historique");
                s.execute("DELETE FROM logement_offert");
            }
            String autorisation = hub.compteDeMesure(db, List.of("044", "059", "062"));
            List<Logement> logements = logements(nombre, echantillons);
            System.out.printf("BENCH matching.dataset %d demandes, %d rows of rapprochement (%s), %d dwellings%n",
                    nombre, db.count("SELECT count(*) FROM rapprochement"), taille(db), logements.size());
            for (Logement l : logements) {
                HttpResponse<String> r = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base
                        + "/api/v1/logements")).header("Authorization", autorisation)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                declaration(l))).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("déclaration " + l.rpls() + " : " + r.statusCode() + " "
                            + r.body());
                }
            }
            Mesures rest = new Mesures(logements.size());
            long eligibles = 0;
            long t0 = System.nanoTime();
            for (Logement l : logements) {
                candidats(hub, autorisation, l); // warm-up of this very dwelling
                long debut = System.nanoTime();
                HttpResponse<String> r = candidats(hub, autorisation, l);
                rest.ajouter(System.nanoTime() - debut);
                eligibles += Long.parseLong(r.body().replaceAll("(?s).*\"eligibles\":([0-9]+).*", "$1"));
            }
            double secondes = (System.nanoTime() - t0) / 1e9;
            Mesures scan = new Mesures(5);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET enable_indexscan = off");
                s.execute("SET enable_bitmapscan = off");
                s.execute("SET enable_indexonlyscan = off");
                for (Logement l : logements.subList(0, Math.min(5, logements.size()))) {
                    long debut = System.nanoTime();
                    parcoursNaif(c, l);
                    scan.ajouter(System.nanoTime() - debut);
                }
            }
            System.out.printf("BENCH matching.rest %s (limite 20, eligible count included; %.1f eligible demands a"
                    + " dwelling on average) | naive full scan p50 %.0f ms | ratio %.4f%n", rest.resume(),
                    (double) eligibles / logements.size(), scan.percentile(50),
                    rest.percentile(50) / scan.percentile(50));
            System.out.printf("BENCH matching.throughput %.1f matchings/s (one client, warm-up calls included)%n",
                    2 * logements.size() / secondes);
            System.out.printf("BENCH rss.loaded %d MiB%n", hub.rssMiB());
        }
    }

    /** Dwellings where the pending demands are: the first commune and typology of demands spread over the stock. */
    private static List<Logement> logements(int nombre, int echantillons) {
        GenerateurDemandes generateur = new GenerateurDemandes(GRAINE, AUJOURDHUI, 4);
        SplittableRandom alea = new SplittableRandom(GRAINE);
        int pas = Math.max(1, nombre / echantillons);
        List<Logement> logements = new ArrayList<>();
        String[] financements = {"PLUS", "PLUS", "PLUS", "PLAI", "PLAI", "PLS"};
        String[] accessibilites = {"NON", "NON", "ACCESSIBLE", "ADAPTE"};
        boolean cherche = false;
        for (int i = 0; i < nombre && logements.size() < echantillons; i++) {
            Demande d = generateur.suivante();
            cherche |= i % pas == 0;
            // the first pending demand from each stride point on
            if (!cherche || d.statut() != Statut.ACTIVE) {
                continue;
            }
            cherche = false;
            String typologie = d.dossier().logementRecherche().typologies().get(0).name();
            int base = switch (typologie) {
                case "CHAMBRE" -> 220;
                case "T1" -> 290;
                case "T2" -> 380;
                case "T3" -> 460;
                case "T4" -> 540;
                case "T5" -> 620;
                default -> 700;
            };
            logements.add(new Logement("BENCH" + logements.size(), d.dossier().logementRecherche().communes().get(0),
                    typologie, base + alea.nextInt(80), 40 + alea.nextInt(80),
                    financements[alea.nextInt(financements.length)], alea.nextInt(6), alea.nextBoolean(),
                    accessibilites[alea.nextInt(accessibilites.length)]));
        }
        return logements;
    }

    private static String declaration(Logement l) {
        return """
            {"identifiantRpls": "%s", "bailleur": "BAILLEUR1", "adresse": "1 rue du Banc", "commune": "%s",
             "typologie": "%s", "surface": 60, "etage": %d, "ascenseur": %b, "accessibilite": "%s", "loyer": %d,
             "charges": %d, "financement": "%s", "reservataire": {"type": "BAILLEUR", "organisation": "BAILLEUR1"},
             "dateDisponibilite": "%s"}""".formatted(l.rpls(), l.commune(), l.typologie(), l.etage(), l.ascenseur(),
                l.accessibilite(), l.loyer(), l.charges(), l.financement(), AUJOURDHUI.plusMonths(1));
    }

    private static HttpResponse<String> candidats(HubLance hub, String autorisation, Logement l) throws Exception {
        HttpResponse<String> r = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + "/api/v1/logements/"
                + l.rpls() + "/candidats?limite=20")).header("Authorization", autorisation)
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("candidats " + l.rpls() + " : " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /**
     * The baseline: the same criteria (shipped rules: occupation, ceiling of the 2024 PLUS, PLAI or PLS scale of the
     * other regions, effort rate 33 %, 300 € per consumption unit, accessibility) and ranking, evaluated on every
     * demand's dossier, with the first twenty and the eligible count, as a register without the matching table would.
     */
    private static void parcoursNaif(Connection c, Logement l) throws Exception {
        String plafonds = switch (l.financement()) {
            case "PLAI" -> "ARRAY[13373,19486,23432,26071,30502,34375]::bigint[], 3834";
            case "PLS" -> "ARRAY[31611,42215,50766,61289,72098,81251]::bigint[], 9062";
            default -> "ARRAY[24316,32473,39051,47145,55460,62501]::bigint[], 6971";
        };
        int[] occupation = switch (l.typologie()) {
            case "CHAMBRE" -> new int[] {1, 1};
            case "T1" -> new int[] {1, 2};
            case "T2" -> new int[] {1, 3};
            case "T3" -> new int[] {2, 4};
            case "T4" -> new int[] {3, 6};
            case "T5" -> new int[] {4, 8};
            default -> new int[] {5, 20};
        };
        String sql = "WITH p AS (SELECT " + plafonds.replace(", ", " AS plafonds, ") + " AS supplement),"
                + " e AS (SELECT d.numero_unique, d.date_depot, f.*, "
                + "   CASE WHEN f.taille_menage <= 6 THEN p.plafonds[f.taille_menage]"
                + "        ELSE p.plafonds[6] + (f.taille_menage - 6) * p.supplement END AS plafond,"
                + "   EXISTS (SELECT 1 FROM recours_dalo r WHERE r.numero_unique = d.numero_unique"
                + "           AND r.decision = 'PRIORITAIRE_URGENT') AS dalo"
                + "  FROM demande d CROSS JOIN p CROSS JOIN LATERAL rapprochement_faits(d.dossier, current_date) f"
                + "  WHERE d.statut = 'ACTIVE' AND ? = ANY (d.communes) AND ? = ANY (d.typologies)),"
                + " v AS (SELECT * FROM e WHERE taille_menage BETWEEN ? AND ?"
                + "   AND (revenu_fiscal IS NULL OR revenu_fiscal <= plafond)"
                + "   AND ressources_mensuelles > 0 AND ?::numeric * 100 / ressources_mensuelles <= 33"
                + "   AND (ressources_mensuelles - ?::numeric) / unites_consommation >= 300"
                + "   AND (NOT fauteuil_roulant OR ? = 'ADAPTE')"
                + "   AND (NOT mobilite_reduite OR ? <> 'NON' OR ? = 0 OR ?)"
                + "   AND (NOT rez_de_chaussee OR ? = 0) AND (NOT ascenseur OR ? <= 0 OR ?))"
                + " SELECT numero_unique, (SELECT count(*) FROM v) FROM v"
                + " ORDER BY dalo DESC, cardinality(priorites) DESC, date_depot, numero_unique LIMIT 20";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            Object[] parametres = {l.commune(), l.typologie(), occupation[0], occupation[1], l.depense(),
                l.depense(), l.accessibilite(), l.accessibilite(), l.etage(), l.ascenseur(), l.etage(), l.etage(),
                l.ascenseur()};
            for (int i = 0; i < parametres.length; i++) {
                p.setObject(i + 1, parametres[i]);
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
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('rapprochement'))")) {
            rs.next();
            return rs.getString(1) + " with indexes";
        }
    }
}
