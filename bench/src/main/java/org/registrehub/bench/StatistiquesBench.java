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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.registrehub.bench.donnees.ChargementMasse;
import org.registrehub.bench.donnees.GenerateurDemandes;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.bench.donnees.StockNational;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * The Infocentre at national scale: N generated demands (2.6 M by default) with their history (registration,
 * last renewal, radiation: one entry each, and the movements of the stock they make), then, through the hub's REST
 * API as an observateur, the stock-and-flow table of the last twelve months by région and by département and the
 * typology breakdown of the pending demands by région, each against a naive full scan of the same tables answering
 * the same question in the same run (index scans off). Also: the rollup's first build, the quality indicators, the
 * HTML report, and the cost of the statistics' triggers on a write. See bench/README.md.
 */
public final class StatistiquesBench {

    private static final long GRAINE = 20_261_201L;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String MOT_DE_PASSE = "mot de passe du banc des statistiques";
    private static final int ECHANTILLONS = 9;

    private StatistiquesBench() {
    }

    public static void main(String[] args) throws Exception {
        int nombre = args.length > 0 ? Integer.parseInt(args[0]) : 2_600_000;
        Path distribution = Path.of(System.getProperty("registre.distribution"));
        Path dir = Path.of(System.getProperty("registre.bench.dir", "target/hub-bench"));
        LocalDate aujourdhui = LocalDate.now(PARIS);
        try (TestDatabase db = StockNational.base("registre_bench_statistiques");
             HubLance hub = new HubLance(distribution, dir, db)) {
            hub.attendreSante(Duration.ofMinutes(10));
            HubLance.creerCompte(db, "BENCHOBS", "OBSERVATOIRE", "044", "bench.observateur", "observateur",
                    MOT_DE_PASSE);
            String basic = HubLance.basic("bench.observateur", MOT_DE_PASSE);
            if (StockNational.gardee() && db.count("SELECT count(*) FROM demande") == nombre) {
                // a database kept by an older version of this bench holds the notices of its generated history
                int avis = db.execute("DELETE FROM avis_demande WHERE etat = 'A_ENVOYER'");
                System.out.printf("BENCH load.reused %d demandes already in %s (%d notices to applicants of the"
                        + " generated history dropped)%n", nombre, db.name(), avis);
            } else {
                charger(db, nombre, aujourdhui);
            }
            System.out.printf("BENCH stats.dataset %d demandes (%d actives), %d entrées d'historique, %d mouvements,"
                    + " %d lignes d'agrégat journalier%n", nombre, db.count("SELECT count(*) FROM demande WHERE"
                    + " statut = 'ACTIVE'"), db.count("SELECT count(*) FROM demande_historique"),
                    db.count("SELECT count(*) FROM stat_mouvement"), db.count("SELECT count(*) FROM stat_flux_jour"));
            long rssAvant = hub.rssMiB();

            LocalDate fin = aujourdhui.withDayOfMonth(1).minusDays(1);
            LocalDate debut = fin.minusMonths(11).withDayOfMonth(1);
            String periode = "debut=" + debut + "&fin=" + fin;
            comparer(hub, db, basic, "flux.region", "/api/v1/statistiques/flux?" + periode + "&granularite=REGION",
                    fluxNaif("r.region", debut, fin, true), "\"total\":\\{.*\"stockFin\":([0-9]+)", ECHANTILLONS);
            comparer(hub, db, basic, "flux.departement", "/api/v1/statistiques/flux?" + periode
                    + "&granularite=DEPARTEMENT", fluxNaif("d.territoire", debut, fin, false),
                    "\"total\":\\{.*\"stockFin\":([0-9]+)", ECHANTILLONS);
            comparer(hub, db, basic, "repartition.typologie.region",
                    "/api/v1/statistiques/repartitions/typologie?granularite=REGION",
                    "SELECT coalesce(r.region, '(inconnue)') || ' ' || d.typologie, count(*) FROM demande d"
                            + " LEFT JOIN departement_region r ON r.departement = d.territoire"
                            + " WHERE d.statut = 'ACTIVE' GROUP BY 1", "\"total\":\\{\"code\":\"TOTAL\".*"
                            + "\"total\":([0-9]+)\\}\\}$", ECHANTILLONS);
            comparer(hub, db, basic, "delais", "/api/v1/statistiques/delais-anormalement-longs",
                    "SELECT territoire || ' ' || typologie, count(*) FILTER (WHERE date_depot <= DATE '" + aujourdhui
                            + "' - INTERVAL '36 months'), count(*) FROM demande WHERE statut = 'ACTIVE' GROUP BY 1",
                    "\"parDepartement\".*\"total\":\\{[^}]*\"enAttente\":([0-9]+)", ECHANTILLONS);
            comparer(hub, db, basic, "satisfaction.departement", "/api/v1/statistiques/satisfaction?" + periode,
                    "SELECT territoire, sum(date_radiation - date_depot), count(*) FROM demande"
                            + " WHERE motif_radiation = 'ATTRIBUTION' AND date_radiation BETWEEN DATE '" + debut
                            + "' AND DATE '" + fin + "' GROUP BY 1",
                    "\"total\":\\{\"code\":\"TOTAL\",\"attributions\":([0-9]+)", ECHANTILLONS);
            comparer(hub, db, basic, "series", "/api/v1/statistiques/series-mensuelles?" + periode,
                    "SELECT to_char(horodatage AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), count(*) FILTER (WHERE"
                            + " operation = 'RENOUVELLEMENT'), count(*) FROM demande_historique"
                            + " WHERE (horodatage AT TIME ZONE 'Europe/Paris')::date BETWEEN DATE '" + debut
                            + "' AND DATE '" + fin + "' GROUP BY 1", null, ECHANTILLONS);
            // the quality indicators and the report: one scan of the pending demands' dossiers; against the bare scan
            comparer(hub, db, basic, "qualite", "/api/v1/statistiques/qualite",
                    "SELECT guichet, count(*) FROM demande WHERE statut = 'ACTIVE' GROUP BY 1", null, 3);
            comparer(hub, db, basic, "rapport.html", "/api/v1/statistiques/rapport?" + periode,
                    "SELECT guichet, count(*) FROM demande WHERE statut = 'ACTIVE' GROUP BY 1", null, 3);
            System.out.printf("BENCH stats.memory hub RSS %d -> %d MiB%n", rssAvant, hub.rssMiB());
            if (mesuree("write.triggers")) {
                ecritures(db, aujourdhui);
            }
        }
    }

    /** Demands by COPY, then their history and movements in set-based statements, then the rollup. */
    private static void charger(TestDatabase db, int nombre, LocalDate aujourdhui) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (db.count("SELECT count(*) FROM demande") > 0) {
                s.execute("TRUNCATE demande, demande_historique, outbox, compteur_numero, stat_mouvement,"
                        + " stat_flux_jour, stat_demande CASCADE");
            }
            // a bulk load writes the statistics in set-based statements after the rows, as the migrations do
            declencheursStatistiques(s, "DISABLE");
            s.execute("ALTER TABLE demande_historique DISABLE TRIGGER stat_mouvement_historique");
            // a generated past is not news to its applicants: no registration or radiation notice for it (the hub
            // would otherwise spend the whole measurement sending a million of them)
            s.execute("ALTER TABLE demande_historique DISABLE TRIGGER avis_demande");
            long t0 = System.nanoTime();
            new ChargementMasse(new JacksonJsonCodec()).charger(c, new GenerateurDemandes(GRAINE, aujourdhui, 4),
                    nombre, 20_000, n -> {
                        if (n % 500_000 == 0 || n == nombre) {
                            System.out.printf("… %d demandes chargées (%.0f/s)%n", n,
                                    n / ((System.nanoTime() - t0) / 1e9));
                        }
                    });
            System.out.printf("BENCH load.copy %d demandes in %.1f s%n", nombre, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            s.execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                    + " changements) SELECT numero_unique, 0, (date_depot + TIME '10:00') AT TIME ZONE 'Europe/Paris',"
                    + " 'ENREGISTREMENT', 'banc', 'IMPORT', '[]'::jsonb FROM demande");
            s.execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                    + " changements) SELECT numero_unique, 1, (date_dernier_renouvellement + TIME '10:00') AT TIME"
                    + " ZONE 'Europe/Paris', 'RENOUVELLEMENT', 'banc', 'IMPORT', '[]'::jsonb FROM demande"
                    + " WHERE date_dernier_renouvellement IS NOT NULL");
            s.execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                    + " changements) SELECT numero_unique, 2, (date_radiation + TIME '11:00') AT TIME ZONE"
                    + " 'Europe/Paris', 'RADIATION', 'banc', 'IMPORT', '[]'::jsonb FROM demande WHERE statut = 'RADIEE'");
            s.execute("INSERT INTO stat_mouvement (numero_unique, jour, nature, motif, territoire, commune, guichet)"
                    + " SELECT h.numero_unique, (h.horodatage AT TIME ZONE 'Europe/Paris')::date,"
                    + " CASE h.operation WHEN 'ENREGISTREMENT' THEN 'ENTREE' WHEN 'RADIATION' THEN 'SORTIE'"
                    + " ELSE 'RENOUVELLEMENT' END, CASE WHEN h.operation = 'RADIATION' THEN d.motif_radiation END,"
                    + " d.territoire, d.commune, d.guichet FROM demande_historique h"
                    + " JOIN demande d ON d.numero_unique = h.numero_unique ORDER BY h.id");
            s.execute("INSERT INTO stat_demande SELECT * FROM stat_demande_source");
            s.execute("UPDATE stat_demande s SET derniere_activite = h.jour FROM (SELECT numero_unique,"
                    + " max((horodatage AT TIME ZONE 'Europe/Paris')::date) AS jour FROM demande_historique GROUP BY 1) h"
                    + " WHERE h.numero_unique = s.numero_unique AND h.jour > s.derniere_activite");
            s.execute("SELECT stat_stock_reconstruire()");
            declencheursStatistiques(s, "ENABLE");
            s.execute("ALTER TABLE demande_historique ENABLE TRIGGER stat_mouvement_historique");
            s.execute("ALTER TABLE demande_historique ENABLE TRIGGER avis_demande");
            System.out.printf("BENCH load.history %d entrées, %d mouvements, %d lignes statistiques in %.1f s%n",
                    db.count("SELECT count(*) FROM demande_historique"), db.count("SELECT count(*) FROM stat_mouvement"),
                    db.count("SELECT count(*) FROM stat_demande"), (System.nanoTime() - t1) / 1e9);
            long t2 = System.nanoTime();
            long agreges;
            try (ResultSet rs = s.executeQuery("SELECT stat_rafraichir()")) {
                rs.next();
                agreges = rs.getLong(1);
            }
            System.out.printf("BENCH stats.rollup.build %d mouvements agrégés in %.1f s (%.0f/s)%n", agreges,
                    (System.nanoTime() - t2) / 1e9, agreges / ((System.nanoTime() - t2) / 1e9));
            s.execute("VACUUM ANALYZE");
        }
    }

    /**
     * The stock-and-flow table straight from the history and the demands, every entry read: the stock before the
     * start (registrations less radiations), the registrations and the radiations by reason of the period.
     */
    private static String fluxNaif(String groupe, LocalDate debut, LocalDate fin, boolean region) {
        String avant = "(h.horodatage AT TIME ZONE 'Europe/Paris')::date < DATE '" + debut + "'";
        String dans = "(h.horodatage AT TIME ZONE 'Europe/Paris')::date BETWEEN DATE '" + debut + "' AND DATE '" + fin
                + "'";
        return "SELECT " + (region ? "coalesce(r.region, '(inconnue)')" : groupe) + ","
                + " sum(CASE h.operation WHEN 'ENREGISTREMENT' THEN 1 WHEN 'REACTIVATION' THEN 1 WHEN 'RADIATION'"
                + " THEN -1 ELSE 0 END) FILTER (WHERE " + avant + ") AS stock_debut,"
                + " count(*) FILTER (WHERE h.operation = 'ENREGISTREMENT' AND " + dans + ") AS nouvelles,"
                + " count(*) FILTER (WHERE h.operation = 'RADIATION' AND d.motif_radiation = 'ATTRIBUTION' AND "
                + dans + ") AS attribution,"
                + " count(*) FILTER (WHERE h.operation = 'RADIATION' AND d.motif_radiation <> 'ATTRIBUTION' AND "
                + dans + ") AS autres,"
                + " sum(CASE h.operation WHEN 'ENREGISTREMENT' THEN 1 WHEN 'REACTIVATION' THEN 1 WHEN 'RADIATION'"
                + " THEN -1 ELSE 0 END) AS stock_fin"
                + " FROM demande_historique h JOIN demande d ON d.numero_unique = h.numero_unique"
                + (region ? " LEFT JOIN departement_region r ON r.departement = d.territoire" : "")
                + " WHERE (h.horodatage AT TIME ZONE 'Europe/Paris')::date <= DATE '" + fin + "'"
                + " GROUP BY 1";
    }

    /**
     * {@code -Dregistre.bench.figures=qualite,rapport.html,write.triggers}: only these figures (all by default), to
     * measure again part of the Infocentre on a kept database.
     */
    private static final java.util.Set<String> FIGURES = System.getProperty("registre.bench.figures", "").isBlank()
            ? null : java.util.Set.of(System.getProperty("registre.bench.figures").split(","));

    private static boolean mesuree(String figure) {
        return FIGURES == null || FIGURES.contains(figure);
    }

    /**
     * Times the REST call (a warm-up, then {@code echantillons} calls) and the naive SQL (index scans off,
     * {@code echantillons} runs), prints both medians and their ratio; checks both give the same total when a
     * pattern tells where it is in the JSON.
     */
    private static void comparer(HubLance hub, TestDatabase db, String basic, String nom, String chemin,
                                 String naif, String total, int echantillons) throws Exception {
        if (!mesuree(nom)) {
            return;
        }
        Machine.attendreRepos(nom, 20, Duration.ofMinutes(3));
        Machine.Instantane charge = Machine.Instantane.maintenant();
        String corps = appeler(hub, basic, chemin);
        Mesures rest = new Mesures(echantillons);
        for (int i = 0; i < echantillons; i++) {
            long t = System.nanoTime();
            corps = appeler(hub, basic, chemin);
            rest.ajouter(System.nanoTime() - t);
        }
        String chargeRest = Machine.depuis(charge);
        charge = Machine.Instantane.maintenant();
        Mesures scan = new Mesures(echantillons);
        List<long[]> lignes = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_indexscan = off");
            s.execute("SET enable_bitmapscan = off");
            s.execute("SET enable_indexonlyscan = off");
            for (int i = 0; i < echantillons; i++) {
                lignes.clear();
                long t = System.nanoTime();
                try (PreparedStatement p = c.prepareStatement(naif); ResultSet rs = p.executeQuery()) {
                    int colonnes = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        long[] l = new long[colonnes - 1];
                        for (int k = 2; k <= colonnes; k++) {
                            l[k - 2] = rs.getLong(k);
                        }
                        lignes.add(l);
                    }
                }
                scan.ajouter(System.nanoTime() - t);
            }
        }
        String chargeScan = Machine.depuis(charge);
        String verification = "";
        if (total != null) {
            Matcher m = Pattern.compile(total).matcher(corps);
            if (!m.find()) {
                throw new IllegalStateException(nom + " : total introuvable dans " + corps.substring(0,
                        Math.min(500, corps.length())));
            }
            long attendu = lignes.stream().mapToLong(l -> l[l.length - 1]).sum();
            if (Long.parseLong(m.group(1)) != attendu) {
                throw new IllegalStateException(nom + " : l'API donne " + m.group(1) + ", le calcul naïf " + attendu);
            }
            verification = " | same total " + attendu;
        }
        System.out.printf("BENCH stats.%s REST p50 %.0f ms (max %.0f) | naive full scan p50 %.0f ms |"
                        + " ratio %.4f%s | REST: %s; scan: %s%n", nom, rest.percentile(50), rest.percentile(100),
                scan.percentile(50), rest.percentile(50) / scan.percentile(50), verification, chargeRest, chargeScan);
    }

    private static String appeler(HubLance hub, String basic, String chemin) throws Exception {
        HttpResponse<String> r = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + chemin))
                .header("Authorization", basic).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(chemin + " : " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** The statistical row's triggers on {@code demande} (one per event: they read the statement's transition tables). */
    private static void declencheursStatistiques(Statement s, String etat) throws java.sql.SQLException {
        for (String declencheur : java.util.List.of("stat_demande_ajout", "stat_demande_maj", "stat_demande_retrait")) {
            s.execute("ALTER TABLE demande " + etat + " TRIGGER " + declencheur);
        }
    }

    /** Passes of the write figure: a warm-up pair, then three of each kind, alternated. */
    private static final int PASSES_ECRITURE = 8;

    /** Registrations of one pass. */
    private static final int ECRITURES_PAR_PASSE = 5_000;

    /**
     * What the statistics cost a write: the same 5 000 registrations (a demand row and its history entry, one
     * transaction each), with the statistics' triggers and without them, in this run. Each registration is a person of
     * its own (birth dates numbered), as registrations are: 5 000 of one identity would measure 5 000 updates of one
     * duplicate counter instead.
     */
    private static void ecritures(TestDatabase db, LocalDate aujourdhui) throws Exception {
        List<String> prefixesSans = new ArrayList<>();
        // the measured passes' durations, with and without the statistics' triggers
        Mesures avecDeclencheurs = new Mesures(PASSES_ECRITURE / 2);
        Mesures sansDeclencheurs = new Mesures(PASSES_ECRITURE / 2);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // alternated, the first pair a warm-up, then the median of each kind (one pass varies by a third)
            for (int passe = 0; passe < PASSES_ECRITURE; passe++) {
                boolean avec = passe % 2 == 0;
                String etat = avec ? "ENABLE" : "DISABLE";
                declencheursStatistiques(s, etat);
                s.execute("ALTER TABLE demande_historique " + etat + " TRIGGER stat_mouvement_historique");
                int n = ECRITURES_PAR_PASSE;
                String prefixe = "044" + String.format("%02d", 1 + passe) + "99";
                if (!avec) {
                    prefixesSans.add("'" + prefixe + "'");
                }
                c.setAutoCommit(false);
                Machine.Instantane charge = Machine.Instantane.maintenant();
                long t = System.nanoTime();
                try (PreparedStatement d = c.prepareStatement("INSERT INTO demande (numero_unique, nom, prenoms,"
                        + " date_naissance, commune, typologie, guichet, date_depot, statut, canal_creation,"
                        + " territoire, date_validite, dossier, communes, typologies) SELECT ?, 'BANC', 'Ecriture',"
                        + " DATE '1900-01-01' + ?, '44109', 'T3', 'G1104', ?, 'ACTIVE', 'REST', '044', ?,"
                        + " dossier, ARRAY['44109'], ARRAY['T3'] FROM demande LIMIT 1");
                     PreparedStatement h = c.prepareStatement("INSERT INTO demande_historique (numero_unique,"
                             + " version, horodatage, operation, acteur, canal, changements) VALUES (?, 0, now(),"
                             + " 'ENREGISTREMENT', 'banc', 'REST', '[]'::jsonb)")) {
                    for (int i = 0; i < n; i++) {
                        String numero = prefixe + String.format("%06d", i) + "G1104";
                        d.setString(1, numero);
                        d.setInt(2, passe * n + i);
                        d.setObject(3, aujourdhui);
                        d.setObject(4, aujourdhui.plusYears(1));
                        d.executeUpdate();
                        h.setString(1, numero);
                        h.executeUpdate();
                        c.commit();
                    }
                }
                long duree = System.nanoTime() - t;
                double debit = n / (duree / 1e9);
                c.setAutoCommit(true);
                System.out.printf("BENCH stats.write.pass %d %s the statistics' triggers: %.0f registrations/s (%s)%n",
                        passe + 1, avec ? "with" : "without", debit, Machine.depuis(charge));
                if (passe >= 2) {
                    (avec ? avecDeclencheurs : sansDeclencheurs).ajouter(duree);
                }
            }
            // each pass's rows leave as they came, with or without the statistics' triggers: the counts of a kept
            // database stay those of its demands
            // the tables whose keys a deletion checks, analysed: after a campaign bench on the kept database (its
            // tables emptied, then 130 000 notices) each check read every notice (10 000 deletions in minutes)
            s.execute("ANALYZE avis_renouvellement, avis_demande, demande_historique, candidature");
            String passesSans = "substr(numero_unique, 1, 7) IN (" + String.join(", ", prefixesSans) + ")";
            s.execute("DELETE FROM demande_historique WHERE acteur = 'banc' AND " + passesSans);
            s.execute("DELETE FROM demande WHERE " + passesSans);
            declencheursStatistiques(s, "ENABLE");
            s.execute("ALTER TABLE demande_historique ENABLE TRIGGER stat_mouvement_historique");
            s.execute("DELETE FROM stat_mouvement WHERE numero_unique LIKE '044__99%'");
            s.execute("DELETE FROM demande_historique WHERE acteur = 'banc' AND canal = 'REST'");
            s.execute("DELETE FROM demande WHERE nom = 'BANC' AND prenoms = 'Ecriture'");
        }
        // the median pass's throughput
        double avec = ECRITURES_PAR_PASSE / (avecDeclencheurs.percentile(50) / 1e3);
        double sans = ECRITURES_PAR_PASSE / (sansDeclencheurs.percentile(50) / 1e3);
        System.out.printf("BENCH stats.write.triggers %.0f registrations/s with the statistics' triggers, %.0f/s"
                + " without (medians of %d passes each) | ratio %.3f%n", avec, sans, PASSES_ECRITURE / 2 - 1,
                avec / sans);
    }
}
