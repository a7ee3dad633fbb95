package org.registrehub.itests.crash;

import static org.registrehub.testing.MessagesErp.bailSigne;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;


import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.simulators.erp.ConnexionErp;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * The hub killed with {@code kill -9} in the middle of a burst of ERP messages, then started again on the same folder:
 * through the sample ERP client of simulators/landlord-erp: every message it had received is applied exactly once (each lease radiates its demand once, each messageId is
 * recorded once) and answered, whether it was being processed, acknowledged or not yet read when the JVM died.
 */
public class ErpCrashIT {

    private static final String MOT_DE_PASSE = "mot de passe du test de crash";
    private static final int MESSAGES = 300;

    private TestDatabase db;
    private HubLance hub;

    @Before
    public void demarrer() throws Exception {
        db = TestDatabase.create("registre_crash");
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")),
                Path.of(System.getProperty("registre.crash.dir")), db);
        hub.attendreSante(Duration.ofMinutes(3));
        HubLance.creerCompte(db, "NMH", "BAILLEUR", "044", "bailleur.nmh", "bailleur", MOT_DE_PASSE);
        HubLance.creerCompte(db, "DDETS44", "ETAT", "044", "gestionnaire.44", "gestionnaire", MOT_DE_PASSE);
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

    /** The landlord's ERP: the sample client of simulators/landlord-erp. */
    private ConnexionErp erp() {
        return new ConnexionErp("amqp://127.0.0.1:" + hub.broker, "bailleur.nmh", MOT_DE_PASSE, "NMH");
    }

    /** A demand of its own applicant (never a presumed duplicate of another). */
    private String enregistrer(String modele, int i) throws Exception {
        return hub.enregistrer(modele, "Crash", i, HubLance.basic("gestionnaire.44", MOT_DE_PASSE));
    }

    /** Reads replies into {@code repondus} until {@code assez} of them, or none for a few seconds. */
    private void lireReponses(Set<String> repondus, int assez) throws Exception {
        erp().lireReponses(assez - repondus.size(), Duration.ofSeconds(5), r -> {
            assertEquals(r.json(), "ACCEPTE", r.statut());
            repondus.add(r.correlationId());
        });
    }

    @Test
    public void aHubKilledDuringABurstAppliesEveryMessageOnceAfterItsRestart() throws Exception {
        String modele = Files.readString(Path.of(System.getProperty("registre.exemples"),
                "exemples/nouvelle-demande.json"), StandardCharsets.UTF_8);
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            numeros.add(enregistrer(modele, i));
        }
        // the organisation's queue is ready once the hub answers on it
        Set<String> repondus = ConcurrentHashMap.newKeySet();
        await("queues of NMH answer a probe (its reply status)").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> {
                    ConnexionErp.Reponse sonde = erp().envoyer(bailSigne("sonde", numeros.get(0)), "sonde",
                            Duration.ofSeconds(10));
                    return sonde == null ? "pas de réponse" : sonde.statut();
                }, "ACCEPTE"::equals);

        List<String> rafale = new ArrayList<>();
        for (int i = 1; i < MESSAGES; i++) {
            rafale.add(bailSigne("crash-" + i, numeros.get(i)));
        }
        erp().envoyerTous(rafale);
        await("a quarter answered (replies read)").atMost(Duration.ofSeconds(60)).until(() -> {
            lireReponses(repondus, MESSAGES / 4);
            return repondus.size();
        }, n -> n >= MESSAGES / 4);
        long avant = compter("select count(*) from demande_historique where operation = 'RADIATION'");
        hub.tuer();
        System.out.println("CRASH kill -9 after " + repondus.size() + " replies read, " + avant
                + " radiations committed, of " + (MESSAGES - 1) + " messages");
        assertTrue("killed in the middle of the burst", avant < MESSAGES - 1);

        hub.demarrer();
        hub.attendreSante(Duration.ofMinutes(3));
        await("every message answered after the restart (replies read)").atMost(Duration.ofMinutes(3))
                .ignoreExceptions().until(() -> {
                    lireReponses(repondus, MESSAGES - 1);
                    return repondus.size();
                }, n -> n == MESSAGES - 1);
        for (int i = 1; i < MESSAGES; i++) {
            assertTrue("crash-" + i + " answered", repondus.contains("crash-" + i));
        }
        assertEquals("every lease applied, none twice", MESSAGES, compter("select count(*) from demande_historique"
                + " where operation = 'RADIATION' and acteur = 'bailleur.nmh'"));
        assertEquals(0, compter("select count(*) from (select numero_unique from demande_historique where operation"
                + " = 'RADIATION' group by numero_unique having count(*) > 1) deux_fois"));
        assertEquals(MESSAGES, compter("select count(*) from demande where statut = 'RADIEE'"));
        assertEquals(MESSAGES, compter("select count(*) from message_erp where organisation = 'NMH'"
                + " and statut = 'ACCEPTE'"));
        assertEquals("one event per change, none lost", 2L * MESSAGES,
                compter("select count(*) from outbox"));
        await("events relayed after the restart").atMost(Duration.ofSeconds(60))
                .until(() -> compter("select count(*) from outbox where publie_le is null"), v -> v == 0);
    }

    private long compter(String sql) throws Exception {
        return db.count(sql);
    }
}
