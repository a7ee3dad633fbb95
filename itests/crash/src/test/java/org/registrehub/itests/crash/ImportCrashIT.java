package org.registrehub.itests.crash;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.testing.ExtraitsDeTest;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * A departmental extract dropped in the watched directory, the hub killed ({@code kill -9}) in the middle of its
 * import, then started again on the same folder: the import resumes after its last batch and ends with every valid
 * line imported exactly once and every invalid line in the rejects exactly once.
 */
public class ImportCrashIT {

    private static final int LIGNES = 12_000;
    private static final int UNE_INVALIDE_SUR = 50;

    private TestDatabase db;
    private HubLance hub;

    @Before
    public void demarrer() throws Exception {
        db = TestDatabase.create("registre_import_crash");
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")),
                Path.of(System.getProperty("registre.import.dir")), db);
        hub.attendreSante(Duration.ofMinutes(3));
    }

    @After
    public void arreter() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void importTueEnPleinLotRepriseApresRedemarrageChaqueLigneUneFois() throws Exception {
        Path temporaire = hub.home.resolve("extrait-crash.csv");
        ExtraitsDeTest.generer(temporaire, "CRASH-", LIGNES, UNE_INVALIDE_SUR);
        Path entree = hub.home.resolve("data/registre/import/entree");
        await("dossier de dépôt " + entree).atMost(Duration.ofMinutes(1)).until(() -> Files.isDirectory(entree));
        Files.move(temporaire, entree.resolve("extrait-crash.csv"), StandardCopyOption.ATOMIC_MOVE);

        await("import commencé").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.count("select coalesce(max(position), 0) from import_departemental"), v -> v >= 4000);
        hub.tuer();
        long avant = db.count("select position from import_departemental");
        System.out.println("CRASH kill -9 after " + avant + " of " + LIGNES + " lines");
        assertTrue("tué au milieu de l'import", avant < LIGNES);
        assertEquals("EN_COURS", etat());
        assertEquals(avant - avant / UNE_INVALIDE_SUR, db.count("select count(*) from demande"));

        hub.demarrer();
        hub.attendreSante(Duration.ofMinutes(3));
        await("import repris et terminé").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(this::etat, "TERMINE"::equals);

        int invalides = LIGNES / UNE_INVALIDE_SUR;
        assertEquals(1, db.count("select count(*) from import_departemental"));
        assertEquals(LIGNES, db.count("select position from import_departemental"));
        assertEquals(LIGNES - invalides, db.count("select importees from import_departemental"));
        assertEquals("chaque ligne valide importée une fois", LIGNES - invalides,
                db.count("select count(distinct ancien_numero) from demande where ancien_numero like 'CRASH-%'"));
        assertEquals(LIGNES - invalides, db.count("select count(*) from demande"));
        assertEquals("chaque ligne invalide rejetée une fois", invalides, db.count("select count(*) from import_rejet"
                + " where champ = 'dossier.contact.codePostal' and ligne % " + UNE_INVALIDE_SUR + " = 1"));
        assertEquals(invalides, db.count("select count(*) from import_rejet"));
        assertEquals("un événement par demande", LIGNES - invalides, db.count("select count(*) from outbox"));
        assertEquals("une entrée d'historique par demande", LIGNES - invalides,
                db.count("select count(*) from demande_historique where canal = 'IMPORT'"));
        Path traites = hub.home.resolve("data/registre/import/traites");
        await("extrait rangé dans " + traites).atMost(Duration.ofSeconds(30)).until(() -> {
            try (var f = Files.list(traites)) {
                return f.map(p -> p.getFileName().toString()).toList();
            }
        }, noms -> noms.stream().anyMatch(n -> n.endsWith("extrait-crash.csv")));
        String etat = hub.console("registre:import-etat");
        assertTrue(etat, etat.contains("TERMINE") && etat.contains(String.valueOf(LIGNES - invalides)));
        String rapport = hub.console("registre:import-etat --rejets 1");
        assertTrue(rapport, rapport.contains("import-1-extrait-crash.csv.rejets.csv"));
    }

    private String etat() throws Exception {
        try (var c = db.connect(); var s = c.createStatement();
             var r = s.executeQuery("select etat from import_departemental")) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
