package org.registrehub.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;

/**
 * The access matrix on the running distribution: every role (guichet of the 44 and of the 59, landlord of the 44,
 * gestionnaire of the 44, observer, administrator) × every operation on a demand of the 44 × the REST and SOAP
 * channels. Each cell is permitted (2xx, or a SOAP answer) or refused (403, or a fault ACCES_REFUSE); anything else
 * fails the test with the cell that misbehaved.
 */
public class SecuriteIT extends HubTestSupport {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([^\"]+)\"");
    private static final String SOAP = "text/xml; charset=UTF-8";

    /** An operation on a demand prepared by the gestionnaire (or on none), through one channel. */
    private record Cellule(String nom, Function<String, String> preparer, Appel rest, Appel soap) {
    }

    @FunctionalInterface
    private interface Appel {
        HttpResponse<String> faire(String[] compte, String numero) throws Exception;
    }

    private String[] admin;

    @Before
    public void hubPret() throws Exception {
        attendreHubPret(Duration.ofSeconds(120));
        comptes();
        admin = administrateur();
    }

    private HttpResponse<String> appeler(String[] compte, String methode, String chemin, String ifMatch,
                                         String type, String corps) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl() + chemin)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(compte[0], compte[1]))
                .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(corps, StandardCharsets.UTF_8));
        if (type != null) {
            r.header("Content-Type", type);
        }
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> soap(String[] compte, String corps) throws Exception {
        return appeler(compte, "POST", "/ws/registre/v1", null, SOAP, HubIT.enveloppe(corps));
    }

    /** A new demand of the 44, registered by the gestionnaire; for "radiee", radiated for non-renewal. */
    private String demande(String etat) {
        try {
            HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Matrice"));
            assertEquals(cree.body(), 201, cree.statusCode());
            Matcher m = NUMERO.matcher(cree.body());
            m.find();
            String numero = m.group(1);
            if ("radiee".equals(etat)) {
                assertEquals(200, envoyer("POST", "/api/v1/demandes/" + numero + "/radiation", "\"0\"",
                        "{\"motif\":\"NON_RENOUVELLEMENT\"}").statusCode());
            }
            return numero;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dossierSoap() {
        String x = exemple("soap/enregistrer-demande.xml");
        return x.substring(x.indexOf("<r:dossier>"), x.indexOf("</r:dossier>") + "</r:dossier>".length())
                .replaceFirst("<r:nir>[^<]*</r:nir>", "");
    }

    private static String radiationJson(String motif) {
        return switch (motif) {
            case "ATTRIBUTION" -> "{\"motif\":\"ATTRIBUTION\",\"attribution\":{\"bailleur\":\"NMH\","
                    + "\"identifiantRpls\":\"4410900012345\",\"reservataire\":\"ETAT\",\"dalo\":false}}";
            case "IRRECEVABILITE" -> "{\"motif\":\"IRRECEVABILITE\",\"motifIrrecevabilite\":\"AUTRE\"}";
            default -> "{\"motif\":\"" + motif + "\"}";
        };
    }

    private static String radiationSoap(String motif) {
        return switch (motif) {
            case "ATTRIBUTION" -> "<r:motif>ATTRIBUTION</r:motif><r:attribution><r:bailleur>NMH</r:bailleur>"
                    + "<r:identifiantRpls>4410900012345</r:identifiantRpls><r:reservataire>ETAT</r:reservataire>"
                    + "<r:dalo>false</r:dalo></r:attribution>";
            case "IRRECEVABILITE" -> "<r:motif>IRRECEVABILITE</r:motif><r:motifIrrecevabilite>AUTRE</r:motifIrrecevabilite>";
            default -> "<r:motif>" + motif + "</r:motif>";
        };
    }

    private List<Cellule> operations() {
        List<Cellule> ops = new ArrayList<>();
        ops.add(new Cellule("enregistrer G1104", e -> null,
                (c, n) -> appeler(c, "POST", "/api/v1/demandes", null, "application/json", demandeJson("Nouvelle")),
                (c, n) -> appeler(c, "POST", "/ws/registre/v1", null, SOAP,
                        soapEnregistrer("Nouvelle", "1975-02-28", "44109", "T2"))));
        ops.add(new Cellule("consulter", e -> demande("active"),
                (c, n) -> appeler(c, "GET", "/api/v1/demandes/" + n, null, null, null),
                (c, n) -> soap(c, "<r:consulterDemande><r:numeroUnique>" + n + "</r:numeroUnique></r:consulterDemande>")));
        ops.add(new Cellule("historique", e -> demande("active"),
                (c, n) -> appeler(c, "GET", "/api/v1/demandes/" + n + "/historique", null, null, null),
                (c, n) -> soap(c, "<r:historiqueDemande><r:numeroUnique>" + n + "</r:numeroUnique></r:historiqueDemande>")));
        ops.add(new Cellule("attestation", e -> demande("active"),
                (c, n) -> appeler(c, "GET", "/api/v1/demandes/" + n + "/attestation", null, null, null),
                (c, n) -> soap(c, "<r:attestationDemande><r:numeroUnique>" + n
                        + "</r:numeroUnique></r:attestationDemande>")));
        ops.add(new Cellule("modifier", e -> demande("active"),
                (c, n) -> appeler(c, "PUT", "/api/v1/demandes/" + n, "\"0\"", "application/json",
                        exempleDossier()),
                (c, n) -> soap(c, "<r:modifierDemande><r:numeroUnique>" + n + "</r:numeroUnique><r:version>0</r:version>"
                        + dossierSoap() + "</r:modifierDemande>")));
        ops.add(new Cellule("renouveler", e -> demande("active"),
                (c, n) -> appeler(c, "POST", "/api/v1/demandes/" + n + "/renouvellement", "\"0\"", null, null),
                (c, n) -> soap(c, "<r:renouvelerDemande><r:numeroUnique>" + n
                        + "</r:numeroUnique><r:version>0</r:version></r:renouvelerDemande>")));
        for (String motif : List.of("ATTRIBUTION", "IRRECEVABILITE", "ABANDON")) {
            ops.add(new Cellule("radier " + motif, e -> demande("active"),
                    (c, n) -> appeler(c, "POST", "/api/v1/demandes/" + n + "/radiation", "\"0\"", "application/json",
                            radiationJson(motif)),
                    (c, n) -> soap(c, "<r:radierDemande><r:numeroUnique>" + n + "</r:numeroUnique><r:version>0"
                            + "</r:version><r:radiation>" + radiationSoap(motif) + "</r:radiation></r:radierDemande>")));
        }
        ops.add(new Cellule("reactiver", e -> demande("radiee"),
                (c, n) -> appeler(c, "POST", "/api/v1/demandes/" + n + "/reactivation", "\"1\"", null, null),
                (c, n) -> soap(c, "<r:reactiverDemande><r:numeroUnique>" + n
                        + "</r:numeroUnique><r:version>1</r:version></r:reactiverDemande>")));
        return ops;
    }

    /** The documented dossier alone (the body of a modification), without NIR. */
    private static String exempleDossier() {
        String j = demandeJson("Matrice");
        return j.substring(j.indexOf("\"dossier\":") + "\"dossier\":".length(), j.lastIndexOf('}')).strip();
    }

    @Test
    public void httpsAndTheErpAmqpsAcceptorWorkWithTheConfiguredCertificate() throws Exception {
        java.security.KeyStore confiance = confiance();
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(confiance);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        java.net.http.HttpClient https = java.net.http.HttpClient.newBuilder().sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "https://127.0.0.1:" + System.getProperty(HTTPS_PORT);
        HttpResponse<String> sante = https.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(sante.body(), 200, sante.statusCode());
        String protocole = sante.sslSession().orElseThrow().getProtocol();
        assertTrue(protocole, protocole.equals("TLSv1.3") || protocole.equals("TLSv1.2"));
        HttpResponse<String> lu = https.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/statistiques/qualite"))
                .header("Authorization", basic("observatoire", MOT_DE_PASSE)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(lu.body(), 200, lu.statusCode());
        // a client that does not know the certificate is refused the handshake
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            org.junit.Assert.fail("certificat inconnu accepté");
        } catch (javax.net.ssl.SSLHandshakeException attendu) {
            // the JVM's default trust store does not hold the hub's certificate of the run
        }

        // by default everything listens on loopback only: the machine's other addresses get no answer
        List<java.net.InetAddress> ailleurs = java.util.Collections.list(java.net.NetworkInterface
                .getNetworkInterfaces()).stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses())
                .stream()).filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).toList();
        for (java.net.InetAddress adresse : ailleurs) {
            for (String port : List.of(System.getProperty(HTTP_PORT), System.getProperty(HTTPS_PORT),
                    System.getProperty(AMQPS_PORT), System.getProperty(BROKER_PORT))) {
                try (java.net.Socket s = new java.net.Socket()) {
                    s.connect(new java.net.InetSocketAddress(adresse, Integer.parseInt(port)), 2000);
                    org.junit.Assert.fail("le port " + port + " répond sur " + adresse);
                } catch (java.net.ConnectException | java.net.SocketTimeoutException attendu) {
                    // refused: bound to 127.0.0.1 only
                }
            }
        }

        // AMQPS: an ERP on the partners' acceptor, its message acted on with its own login
        attendreFilesErp("HABITAT44");
        java.nio.file.Path fichier = java.nio.file.Files.createTempFile("registre-confiance", ".p12");
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(fichier)) {
                confiance.store(out, "confiance".toCharArray());
            }
            String messageId = "tls-" + java.util.UUID.randomUUID();
            javax.jms.TextMessage reponse = envoyerErp(brokerTls("erp.habitat44", MOT_DE_PASSE, fichier, "confiance"),
                    "HABITAT44", messageId, HubIT.messageErp(messageId, "Chiffre"));
            assertTrue("pas de réponse sur AMQPS", reponse != null);
            assertEquals(reponse.getText(), "ACCEPTE", reponse.getStringProperty("registreStatut"));
            // the TLS acceptor speaks nothing in clear
            javax.jms.JMSException clair = org.junit.Assert.assertThrows(javax.jms.JMSException.class, () -> {
                try (javax.jms.Connection c = new org.apache.qpid.jms.JmsConnectionFactory("erp.habitat44",
                        MOT_DE_PASSE, "amqp://127.0.0.1:" + System.getProperty(AMQPS_PORT)
                                + "?jms.connectTimeout=10000").createConnection()) {
                    c.start();
                }
            });
            assertTrue(String.valueOf(clair.getMessage()), clair.getMessage() != null);
        } finally {
            java.nio.file.Files.deleteIfExists(fichier);
        }
    }

    @Test
    public void everyRoleGetsItsRightsOnRestAndSoapAndNothingMore() throws Exception {
        Map<String[], String> attendu = new LinkedHashMap<>();
        // one letter per operation, in the order of operations(): P permitted, R refused
        attendu.put(new String[] {"agent.g1104", MOT_DE_PASSE}, "PPPPPPPPPP");
        attendu.put(new String[] {"bailleur.nmh", MOT_DE_PASSE}, "RPPPRRPPRR");
        attendu.put(new String[] {GESTIONNAIRE, MOT_DE_PASSE}, "PPPPPPPPPP");
        attendu.put(new String[] {"agent.g5901", MOT_DE_PASSE}, "RRRRRRRRRR");
        attendu.put(new String[] {"observatoire", MOT_DE_PASSE}, "RRRRRRRRRR");
        attendu.put(admin, "RRRRRRRRRR");

        List<Cellule> operations = operations();
        List<String> ecarts = new ArrayList<>();
        for (Map.Entry<String[], String> e : attendu.entrySet()) {
            for (String canal : List.of("REST", "SOAP")) {
                StringBuilder obtenu = new StringBuilder();
                for (Cellule op : operations) {
                    String numero = op.preparer().apply(null);
                    HttpResponse<String> r = "REST".equals(canal) ? op.rest().faire(e.getKey(), numero)
                            : op.soap().faire(e.getKey(), numero);
                    obtenu.append(issue(canal, r, e.getKey()[0] + " " + op.nom(), ecarts));
                }
                if (!obtenu.toString().equals(e.getValue())) {
                    ecarts.add(canal + " " + e.getKey()[0] + " attendu " + e.getValue() + " obtenu " + obtenu);
                }
            }
        }
        assertEquals(operations.stream().map(Cellule::nom).toList().toString(), List.of(), ecarts);
    }

    @Test
    public void onTheConsoleAGestionnaireRunsItsRegistreCommandsAndNothingElse() throws Exception {
        String liste = executerEnTantQue(GESTIONNAIRE, "registre:organisation-lister");
        assertTrue(liste, liste.contains("DDETS44") && !liste.contains("Error executing command"));
        List<String> ouverts = new ArrayList<>();
        for (String commande : List.of("shell:cat data/registre/admin.secret", "cat etc/users.properties",
                "shell:exec id", "log:set DEBUG", "log:display", "config:list", "config:edit org.registrehub.acces",
                "bundle:list", "feature:list", "system:property", "jaas:realm-list", "scr:list", "service:list",
                "registre:erp-rejouer --tout", "registre:numerotation")) {
            String sortie = executerEnTantQue(GESTIONNAIRE, commande);
            if (!sortie.contains("Insufficient credentials") && !sortie.contains("Command not found")) {
                ouverts.add(commande + " -> " + sortie.strip());
            }
        }
        assertEquals("commands a gestionnaire could run", List.of(), ouverts);
        // the administrator keeps Karaf's commands
        String bundles = executerEnTantQue(admin[0], admin[1], "bundle:list -t 0");
        assertTrue(bundles, bundles.contains("registre-acces") || bundles.contains("Registre Hub"));
    }

    @Test
    public void aLoginWithALineBreakForgesNoLogLineAndEmailAddressesAreMasked() throws Exception {
        String forge = "intrus\r\n2026-12-06T00:00:00,000 | INFO  | forge | LIGNE-FORGEE";
        HttpResponse<String> r = appeler(new String[] {forge, "faux"}, "GET", "/api/v1/demandes?taille=1", null,
                null, null);
        assertEquals(401, r.statusCode());
        // a login that is an e-mail address (the register allows them) reaches the log only masked
        assertEquals(401, appeler(new String[] {"lea.secret@example.org", "faux"}, "GET", "/api/v1/demandes?taille=1",
                null, null, null).statusCode());
        java.nio.file.Path journaux = java.nio.file.Path.of(System.getProperty("karaf.data"), "log");
        await("the attempts logged").atMost(Duration.ofSeconds(30)).until(() -> lire(journaux).contains("intrus")
                && lire(journaux).contains("l***@example.org"));
        String tout = lire(journaux);
        for (String ligne : tout.split("\n")) {
            assertTrue("forged line: " + ligne, !ligne.startsWith("2026-12-06T00:00:00,000") && !ligne.startsWith(
                    "LIGNE-FORGEE"));
        }
        assertTrue("an e-mail address in full in the logs", !tout.contains("lea.secret@example.org"));
    }

    private static String lire(java.nio.file.Path dossier) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        try (var fichiers = java.nio.file.Files.list(dossier)) {
            for (java.nio.file.Path f : fichiers.filter(java.nio.file.Files::isRegularFile).toList()) {
                b.append(java.nio.file.Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    public void noServiceListNoWadlAndAPublicHealthWithoutDetails() throws Exception {
        for (String chemin : List.of("/", "/services", "/api/v1?_wadl", "/api/v1/demandes?_wadl", "/api/v1?_schema")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + chemin))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(chemin + " : " + r.statusCode() + " " + r.body(), r.statusCode() >= 400
                    && !r.body().contains("application") && !r.body().contains("Available")
                    && !r.body().contains("registre/v1"));
        }
        HttpResponse<String> sante = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/health"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(sante.body(), 200, sante.statusCode());
        assertTrue(sante.body(), sante.body().contains("\"composant\":\"base-de-donnees\",\"statut\":\"UP\""));
        assertTrue("no detail in public: " + sante.body(), !sante.body().contains("jdbc")
                && !sante.body().contains("\"message\":\""));
    }

    /**
     * The console: only administrators and gestionnaires reach the registre:* commands (the command ACL), and the
     * services then apply the same role and territory rules as on REST. One letter per operation: consulter,
     * historique, renouveler, réactiver.
     */
    @Test
    public void everyRoleGetsItsRightsOnTheConsoleAndNothingMore() throws Exception {
        Map<String[], String> attendu = new LinkedHashMap<>();
        attendu.put(new String[] {"agent.g1104", MOT_DE_PASSE}, "RRRR");
        attendu.put(new String[] {"bailleur.nmh", MOT_DE_PASSE}, "RRRR");
        attendu.put(new String[] {GESTIONNAIRE, MOT_DE_PASSE}, "PPPP");
        attendu.put(new String[] {"gestionnaire.2a", MOT_DE_PASSE}, "RRRR");
        attendu.put(new String[] {"agent.g5901", MOT_DE_PASSE}, "RRRR");
        attendu.put(new String[] {"observatoire", MOT_DE_PASSE}, "RRRR");
        attendu.put(admin, "RRRR");
        List<String> ecarts = new ArrayList<>();
        for (Map.Entry<String[], String> e : attendu.entrySet()) {
            StringBuilder obtenu = new StringBuilder();
            for (String[] op : new String[][] {{"registre:demande-fiche ", "active"},
                {"registre:demande-historique ", "active"}, {"registre:demande-renouveler ", "active"},
                {"registre:demande-reactiver ", "radiee"}}) {
                String sortie = executerEnTantQue(e.getKey()[0], e.getKey()[1], op[0] + demande(op[1]));
                if (!sortie.contains("Error executing command")) {
                    obtenu.append('P');
                } else if (sortie.contains("Accès refusé") || sortie.contains("Command not found")
                        || sortie.contains("Insufficient credentials")) {
                    obtenu.append('R');
                } else {
                    obtenu.append('?');
                    ecarts.add("CONSOLE " + e.getKey()[0] + " " + op[0] + ": " + sortie.strip());
                }
            }
            if (!obtenu.toString().equals(e.getValue())) {
                ecarts.add("CONSOLE " + e.getKey()[0] + " attendu " + e.getValue() + " obtenu " + obtenu);
            }
        }
        assertEquals(List.of(), ecarts);
    }

    /**
     * The broker: a message acts with its sender's own roles (never its organisation's blanket rights) and
     * territories; an account without an ERP queue cannot send at all. One letter per operation on a demand of the
     * 44: enregistrer (guichet G4401), renouveler, proposer, bail signé. A guichet radiates for attribution as it
     * does on REST; proposals are the landlords' and gestionnaires'.
     */
    @Test
    public void everyRoleGetsItsRightsOnTheErpQueuesAndNothingMore() throws Exception {
        attendreFilesErp("HABITAT44", "NMH", "LMH", "MAIRIE-NANTES");
        String[][] comptes = {
            {"erp.habitat44", "HABITAT44", "PPPP"},
            {"bailleur.habitat44", "HABITAT44", "RRPP"},
            {"bailleur.nmh", "NMH", "RRPP"},
            {"agent.g1104", "MAIRIE-NANTES", "RPRP"},
            {"bailleur.lmh", "LMH", "RRRR"},
            {GESTIONNAIRE, "DDETS44", "RRRR"},
            {"observatoire", "OBS-PDL", "RRRR"},
            {admin[0], "HUB", "RRRR"},
        };
        List<String> ecarts = new ArrayList<>();
        for (String[] c : comptes) {
            StringBuilder obtenu = new StringBuilder();
            for (String op : List.of("enregistrer", "renouveler", "proposer", "bail")) {
                String numero = demande("active");
                String id = "m-" + java.util.UUID.randomUUID();
                String corps = switch (op) {
                    case "enregistrer" -> HubIT.messageErp(id, "Matrice");
                    case "renouveler" -> "{\"messageId\":\"" + id + "\",\"type\":\"renouvellement\",\"versionSchema\":1,"
                            + "\"horodatage\":\"2026-12-01T09:00:00Z\",\"renouvellement\":{\"numeroUnique\":\"" + numero
                            + "\"}}";
                    case "proposer" -> exemple("exemples/erp/proposition.json").replace("nmh-2026-000448", id)
                            .replace("0441126000001G1104", numero).replace("0441126000002G1104", demande("active"));
                    default -> bailSigne(id, numero);
                };
                String motDePasse = c[0].equals(admin[0]) ? admin[1] : MOT_DE_PASSE;
                char issue;
                try (javax.jms.Connection cx = broker(c[0], motDePasse).createConnection()) {
                    cx.start();
                    javax.jms.Session session = cx.createSession(false, javax.jms.Session.AUTO_ACKNOWLEDGE);
                    javax.jms.MessageConsumer reponses = session.createConsumer(session.createQueue("registre.erp."
                            + c[1] + ".reponses"), "JMSCorrelationID = '" + id + "'");
                    session.createProducer(session.createQueue("registre.erp." + c[1] + ".entrant"))
                            .send(session.createTextMessage(corps));
                    javax.jms.TextMessage r = (javax.jms.TextMessage) reponses.receive(60_000);
                    if (r == null) {
                        issue = '?';
                        ecarts.add("AMQP " + c[0] + " " + op + " : pas de réponse");
                    } else if ("ACCEPTE".equals(r.getStringProperty("registreStatut"))) {
                        issue = 'P';
                    } else if (r.getText().contains("\"regle\":\"acces\"")
                            || r.getText().contains("\"regle\":\"expediteur\"")) {
                        issue = 'R';
                    } else {
                        issue = '?';
                        ecarts.add("AMQP " + c[0] + " " + op + " : " + r.getText());
                    }
                } catch (javax.jms.JMSSecurityException refus) {
                    issue = 'R'; // no ERP queue of its own: the broker refuses it
                } catch (javax.jms.JMSException autre) {
                    issue = String.valueOf(autre.getMessage()).matches("(?s).*(not authorized|does not have permission"
                            + "|unauthorized).*") ? 'R' : '?';
                    if (issue == '?') {
                        ecarts.add("AMQP " + c[0] + " " + op + " : " + autre);
                    }
                }
                obtenu.append(issue);
            }
            if (!obtenu.toString().equals(c[2])) {
                ecarts.add("AMQP " + c[0] + " attendu " + c[2] + " obtenu " + obtenu);
            }
        }
        assertEquals(List.of(), ecarts);
    }

    /** P for a success, R for a refusal; anything else is recorded as a misbehaving cell. */
    private static char issue(String canal, HttpResponse<String> r, String cellule, List<String> ecarts) {
        if ("REST".equals(canal)) {
            if (r.statusCode() / 100 == 2) {
                return 'P';
            }
            if (r.statusCode() == 403 && r.body().contains("\"code\":\"ACCES_REFUSE\"")) {
                return 'R';
            }
        } else {
            if (r.statusCode() == 200 && !r.body().contains("<soap:Fault>")) {
                return 'P';
            }
            if (r.body().contains("<code>ACCES_REFUSE</code>")) {
                return 'R';
            }
        }
        ecarts.add(canal + " " + cellule + " : " + r.statusCode() + " " + r.body().substring(0,
                Math.min(300, r.body().length())));
        return '?';
    }
}
