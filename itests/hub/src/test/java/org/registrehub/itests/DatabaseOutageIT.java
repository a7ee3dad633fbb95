package org.registrehub.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * PostgreSQL unreachable at start, then lost and found again while the hub runs: the hub says so (health endpoint,
 * REST 503 problem, console, log), never crash-loops, writes nothing half-way and serves again as soon as the
 * database answers, without a restart; ERP messages caught by the outage are delivered again until they apply, once.
 */
public class DatabaseOutageIT extends HubTestSupport {

    private static final String PROXY_PORT = "registre.it.proxy.port";
    private static final String PG_HOST = "registre.it.pg.host";
    private static final String PG_PORT = "registre.it.pg.port";

    @Override
    protected Option[] extraOptions(String dbName, String dbHost, int dbPort) throws IOException {
        int proxy = freePort();
        return new Option[] {
            // the hub reaches PostgreSQL only through the proxy, which the test starts and cuts
            editConfigurationFilePut("etc/org.ops4j.datasource-registre.cfg", "url",
                    "jdbc:postgresql://127.0.0.1:" + proxy + "/" + dbName + "?connectTimeout=2&socketTimeout=10"),
            editConfigurationFilePut("etc/org.registrehub.store.cfg", "retry.maxDelaySeconds", "2"),
            editConfigurationFilePut("etc/org.registrehub.store.cfg", "health.periodSeconds", "1"),
            editConfigurationFilePut("etc/system.properties", PROXY_PORT, String.valueOf(proxy)),
            editConfigurationFilePut("etc/system.properties", PG_HOST, dbHost),
            editConfigurationFilePut("etc/system.properties", PG_PORT, String.valueOf(dbPort)),
        };
    }

    @Test
    public void outagesAreReportedAndRecoveredWithoutRestart() throws Exception {
        // 1. unreachable from the start: DOWN, clear answers, every bundle stays active
        await("health DOWN naming the database").atMost(Duration.ofSeconds(120)).ignoreExceptionsInstanceOf(
                java.io.IOException.class).until(this::sante, r -> r.startsWith("503 ")
                        && r.contains("\"composant\":\"base-de-donnees\",\"statut\":\"DOWN\""));
        // the public health gives the status only; why is for the administrators, in the console
        assertFalse(get("/api/v1/health").body().contains("jdbc:"));
        HttpResponse<String> refuse = post("/api/v1/demandes", "application/json", demandeJson("Attente"));
        assertEquals(503, refuse.statusCode());
        assertTrue(refuse.body(), refuse.body().contains("\"code\":\"REGISTRE_INDISPONIBLE\""));
        assertTrue(refuse.headers().firstValue("Retry-After").isPresent());
        assertEquals(Bundle.ACTIVE, bundle("org.registrehub.registre-store").getState());
        await("every bundle active (inactive ones listed)").atMost(Duration.ofSeconds(60))
                .until(this::bundlesInactifs, List::isEmpty);
        // the console may still be registering its commands while the features finish starting
        await("console health DOWN").atMost(Duration.ofSeconds(30)).until(() -> executer("registre:sante"),
                sante -> sante.contains("base-de-donnees") && sante.contains("DOWN")
                        && sante.contains("PostgreSQL injoignable"));

        try (TcpProxy proxy = new TcpProxy(Integer.getInteger(PROXY_PORT), System.getProperty(PG_HOST),
                Integer.getInteger(PG_PORT))) {
            // 2. the database appears: migrations run, the hub serves
            proxy.demarrer();
            await("health UP").atMost(Duration.ofSeconds(60)).until(this::sante, r -> r.startsWith("200 "));
            comptes();
            assertEquals(201, post("/api/v1/demandes", "application/json", demandeJson("Premiere")).statusCode());

            // 3. the database goes away while the hub runs
            proxy.couper();
            await("REST 503 during the outage (status of a registration)").atMost(Duration.ofSeconds(60)).until(() ->
                    post("/api/v1/demandes", "application/json", demandeJson("Perdue")).statusCode(), v -> v == 503);
            await("health DOWN again").atMost(Duration.ofSeconds(30))
                    .until(this::sante, r -> r.startsWith("503 "));

            // 4. it comes back: served again, no restart
            proxy.demarrer();
            await("health UP again").atMost(Duration.ofSeconds(60))
                    .until(this::sante, r -> r.startsWith("200 "));
            await("REST accepts again (status of a registration)").atMost(Duration.ofSeconds(30)).until(() ->
                    post("/api/v1/demandes", "application/json", demandeJson("Retour")).statusCode(), v -> v == 201);

            // 5. a burst of ERP messages while the database goes away and comes back: every message is delivered
            // again until it can be applied, applied once, answered; nothing half-written
            attendreFilesErp("NMH");
            int n = 12;
            List<String> numeros = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Rafale"));
                assertEquals(cree.body(), 201, cree.statusCode());
                numeros.add(cree.body().replaceAll("(?s).*\"numeroUnique\":\"([0-9AB]{13}G[0-9]{4})\".*", "$1"));
            }
            Set<String> acceptes = new TreeSet<>();
            try (javax.jms.Connection c = broker("bailleur.nmh", MOT_DE_PASSE).createConnection()) {
                c.start();
                javax.jms.Session session = c.createSession(false, javax.jms.Session.AUTO_ACKNOWLEDGE);
                javax.jms.MessageConsumer reponses = session.createConsumer(
                        session.createQueue("registre.erp.NMH.reponses"));
                javax.jms.MessageProducer producteur = session.createProducer(
                        session.createQueue("registre.erp.NMH.entrant"));
                for (int i = 0; i < n; i++) {
                    producteur.send(session.createTextMessage(bailSigne("rafale-" + i, numeros.get(i))));
                }
                javax.jms.Message premiere = reponses.receive(60_000);
                assertTrue("no reply before the cut", premiere != null);
                acceptes.add(premiere.getJMSCorrelationID());
                proxy.couper();
                await("health DOWN during the burst").atMost(Duration.ofSeconds(30))
                        .until(this::sante, r -> r.startsWith("503 "));
                proxy.demarrer();
                long fin = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while (acceptes.size() < n && System.nanoTime() < fin) {
                    javax.jms.Message r = reponses.receive(5_000);
                    if (r != null) {
                        assertEquals("ACCEPTE", r.getStringProperty("registreStatut"));
                        acceptes.add(r.getJMSCorrelationID());
                    }
                }
            }
            System.out.println("ITEST ERP burst across a database outage: " + acceptes.size() + " of " + n
                    + " messages answered");
            assertEquals("every message answered", n, acceptes.size());
            for (String numero : numeros) {
                assertEquals(numero + " radiated once", 1, compterEnDirect("select count(*) from demande_historique"
                        + " where numero_unique = '" + numero + "' and operation = 'RADIATION'"));
                assertEquals(1, compterEnDirect("select count(*) from demande where numero_unique = '" + numero
                        + "' and statut = 'RADIEE' and motif_radiation = 'ATTRIBUTION'"));
            }
            assertEquals(n, compterEnDirect("select count(*) from message_erp where organisation = 'NMH'"
                    + " and message_id like 'rafale-%' and statut = 'ACCEPTE'"));
        }
        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"),
                StandardCharsets.UTF_8);
        assertTrue("the outage must be logged", log.contains("PostgreSQL injoignable"));
        assertTrue("the recovery must be logged", log.contains("Base de données disponible"));
        assertEquals("nothing written during the outage", 0,
                compterEnDirect("select count(*) from demande where nom in ('Attente', 'Perdue')"));
        assertEquals("nothing lost outside it", 1, compterEnDirect("select count(*) from demande where nom = 'Premiere'"));
    }
}
