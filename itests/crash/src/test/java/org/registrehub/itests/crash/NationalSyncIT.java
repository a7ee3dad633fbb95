package org.registrehub.itests.crash;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.registrehub.simulators.departemental.ClientDepartemental;
import org.registrehub.simulators.national.Comportement;
import org.registrehub.simulators.national.SimulateurNational;
import org.registrehub.simulators.national.StockageNational;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * The distribution, started as an administrator would with the national register's URL, against the national
 * register simulator: events sent in order across an outage, a radiation made nationally applied by
 * {@code registre:synchro-lancer radiations}, the reconciliation report, and the numbering switched to national from the
 * console.
 */
public class NationalSyncIT {

    private static final String MOT_DE_PASSE = "mot de passe du test national";
    private static TestDatabase db;
    private static TestDatabase dbNational;
    private static SimulateurNational national;
    private static HubLance hub;
    private static String modele;
    private static int demandes;

    @BeforeClass
    public static void demarrer() throws Exception {
        dbNational = TestDatabase.create("registre_national_it");
        national = SimulateurNational.demarrer("127.0.0.1", 0, dbNational.jdbcUrl(), dbNational.user(),
                dbNational.password());
        db = TestDatabase.create("registre_national_hub_it");
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")),
                Path.of(System.getProperty("registre.national.dir")), db, Map.of(
                        "REGISTRE_NATIONAL_URL", national.url(),
                        "REGISTRE_NATIONAL_UTILISATEUR", "hub-044",
                        "REGISTRE_NATIONAL_MOT_DE_PASSE", "secret",
                        "REGISTRE_NATIONAL_PERIODE_SECONDES", "0.5",
                        "REGISTRE_NATIONAL_DELAI_MAX_SECONDES", "2",
                        "REGISTRE_NATIONAL_CIRCUIT_SECONDES", "2"));
        hub.attendreSante(Duration.ofMinutes(3));
        HubLance.creerCompte(db, "DDETS44", "ETAT", "044", "gestionnaire.44", "gestionnaire", MOT_DE_PASSE);
        modele = Files.readString(Path.of(System.getProperty("registre.exemples"), "exemples/nouvelle-demande.json"),
                StandardCharsets.UTF_8);
    }

    /**
     * Each test starts from the same state, whatever ran before it: the national register answering, the numbering
     * local, the hub ready, nothing left to send (its circuit to the national register closes at the next call that
     * goes through).
     */
    @Before
    public void etatInitial() throws Exception {
        national.comportement().mode(Comportement.Mode.NORMAL);
        national.comportement().echouer(0);
        if (!hub.console("registre:numerotation").contains("Numérotation locale")) {
            hub.console("registre:numerotation locale");
            await("numérotation locale").atMost(Duration.ofSeconds(30))
                    .until(() -> hub.console("registre:numerotation"), s -> s.contains("Numérotation locale"));
        }
        hub.attendreSante(Duration.ofMinutes(1));
        attendreToutEnvoye();
    }

    @AfterClass
    public static void arreter() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (national != null) {
            national.close();
        }
        for (TestDatabase d : new TestDatabase[] {db, dbNational}) {
            if (d != null) {
                d.close();
            }
        }
    }

    private static String enregistrer() throws Exception {
        return hub.enregistrer(modele, "National", demandes++, HubLance.basic("gestionnaire.44", MOT_DE_PASSE));
    }

    private static HttpResponse<String> get(String chemin) throws Exception {
        return hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + chemin))
                .header("Authorization", HubLance.basic("gestionnaire.44", MOT_DE_PASSE)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void attendreToutEnvoye() {
        await("événements transmis au registre national (outbox : en attente d'envoi national)")
                .atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from outbox where national_le is null"), n -> n == 0);
    }

    @Test
    public void evenementsRetenusPendantLaPanneNationalePuisTransmisDansLOrdre() throws Exception {
        long refusAvant = national.comportement().refuses();
        national.comportement().mode(Comportement.Mode.PANNE);
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            numeros.add(enregistrer());
        }
        for (String n : numeros.subList(0, 2)) {
            HttpResponse<String> r = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + "/api/v1/demandes/"
                    + n + "/renouvellement")).header("If-Match", "\"0\"")
                    .header("Authorization", HubLance.basic("gestionnaire.44", MOT_DE_PASSE))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(r.body(), 200, r.statusCode());
        }
        await("le hub a essayé (appels refusés par le registre national en panne)").atMost(Duration.ofSeconds(30))
                .until(() -> national.comportement().refuses(), n -> n > refusAvant);
        String etat = hub.console("registre:synchro-etat");
        assertTrue(etat, etat.contains("Événements en attente d'envoi : 8"));
        assertTrue(etat, etat.contains("Dernier échec") && etat.contains("503"));

        national.comportement().mode(Comportement.Mode.NORMAL);
        attendreToutEnvoye();
        for (String n : numeros) {
            List<Long> versions = national.mouvements(n).stream().map(StockageNational.Recu::version).toList();
            assertEquals(n, n.equals(numeros.get(0)) || n.equals(numeros.get(1)) ? List.of(0L, 1L) : List.of(0L),
                    versions);
        }
        String apres = hub.console("registre:synchro-etat");
        assertTrue(apres, apres.contains("Événements en attente d'envoi : 0 (retard : aucun)"));
    }

    @Test
    public void radiationNationaleAppliqueeEtReconciliationDepuisLaConsole() throws Exception {
        String numero = enregistrer();
        attendreToutEnvoye();
        national.radierAilleurs(numero, "ABANDON", LocalDate.now(), "guichet-85", "renonce à sa demande");
        String bilan = hub.console("registre:synchro-lancer radiations");
        assertTrue(bilan, bilan.contains("1 radiation(s) appliquée(s)"));
        HttpResponse<String> lue = get("/api/v1/demandes/" + numero);
        assertTrue(lue.body(), lue.body().contains("\"statut\":\"RADIEE\"") && lue.body().contains("ABANDON"));
        assertEquals(1, db.count("select count(*) from demande_historique where numero_unique = '" + numero
                + "' and canal = 'NATIONAL' and operation = 'RADIATION'"));

        String rapport = hub.console("registre:synchro-lancer reconciliation");
        assertTrue(rapport, rapport.contains("Réconciliation avec le registre national")
                && rapport.contains("0 écart(s)"));
        assertTrue(hub.console("registre:synchro-lancer rapport").contains("0 écart(s)"));
    }

    @Test
    public void systemeDepartementalEnregistreEtRelitParSoapAvecLeClientDExemple() throws Exception {
        ClientDepartemental soap = new ClientDepartemental(hub.base + "/ws/registre/v1", "gestionnaire.44",
                MOT_DE_PASSE);
        var d = soap.enregistrer(Path.of(System.getProperty("registre.exemples"), "soap/enregistrer-demande.xml"));
        assertTrue(d.getNumeroUnique(), d.getNumeroUnique().matches("044[0-9]{10}G1104"));
        assertEquals("ACTIVE", soap.consulter(d.getNumeroUnique()).getStatut());
        assertEquals("SOAP", soap.historique(d.getNumeroUnique()).get(0).getCanal());
        try {
            soap.enregistrer(Path.of(System.getProperty("registre.exemples"), "soap/enregistrer-demande.xml"));
            org.junit.Assert.fail("la même demandeuse deux fois");
        } catch (ClientDepartemental.Refus r) {
            assertEquals("DOUBLON_PRESUME", r.code);
            assertTrue(r.getMessage(), r.getMessage().contains(d.getNumeroUnique()));
        }
        attendreToutEnvoye();
        assertEquals("enregistrée au registre national par la synchronisation", List.of(0L), national.mouvements(
                d.getNumeroUnique()).stream().map(StockageNational.Recu::version).toList());
    }

    @Test
    public void numerotationNationaleChoisieDepuisLaConsole() throws Exception {
        assertTrue(hub.console("registre:numerotation").contains("Numérotation locale"));
        String sortie = hub.console("registre:numerotation nationale");
        assertTrue(sortie, sortie.contains("locale → nationale"));
        // the mode changes at the numbering component's next configuration event: until then a registration may
        // still be numbered locally, so each try registers one more demand
        String[] numero = new String[1];
        await("numérotation nationale effective (numéro attribué par le registre national)")
                .atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                    numero[0] = enregistrer();
                    return numero[0];
                }, national::aAttribue);
        assertTrue(numero[0], numero[0].startsWith("044"));

        national.comportement().mode(Comportement.Mode.PANNE);
        HttpResponse<String> refus = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base + "/api/v1/demandes"))
                .header("Content-Type", "application/json")
                .header("Authorization", HubLance.basic("gestionnaire.44", MOT_DE_PASSE))
                .POST(HttpRequest.BodyPublishers.ofString(modele.replaceFirst("\"nir\": \"[0-9]+\",", "")
                        .replaceFirst("\"prenoms\": \"Léa Marie\"", "\"prenoms\": \"Panne\""))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(refus.body(), 503, refus.statusCode());
        assertTrue(refus.body(), refus.body().contains("NATIONAL_INDISPONIBLE"));
        national.comportement().mode(Comportement.Mode.NORMAL);

        assertTrue(hub.console("registre:numerotation locale").contains("nationale → locale"));
        // with the national register down, a registration succeeds only once the numbering is local again
        national.comportement().mode(Comportement.Mode.PANNE);
        await("numérotation locale de nouveau (enregistrement accepté, registre national en panne)")
                .atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                    numero[0] = enregistrer();
                    return numero[0];
                }, n -> !national.aAttribue(n));
        national.comportement().mode(Comportement.Mode.NORMAL);
    }
}
