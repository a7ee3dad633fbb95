package org.registrehub.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.security.auth.Subject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.registrehub.testing.TestDatabase;

/**
 * Boots the built Registre Hub distribution (Pax Exam PerSuite: once for the classes of the suite {@link HubPartageIT},
 * once for each class run on its own — the pom runs {@code DatabaseOutageIT} and {@code StatistiquesIT} so, each in a
 * JVM of its own), against a throw-away PostgreSQL database and on free ports, so that tests never collide with a hub
 * started by hand nor with each other. Test methods run inside the
 * container; they reach the hub as its clients do (HTTP, AMQP, shell) and read its state through OSGi services.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public abstract class HubTestSupport {

    /** Ports and database chosen by the driver, read back in the container from system properties. */
    static final String HTTP_PORT = "registre.it.http.port";
    static final String BROKER_PORT = "registre.it.broker.port";
    static final String DB_URL = "registre.it.db.url";
    static final String HTTPS_PORT = "registre.it.https.port";
    static final String AMQPS_PORT = "registre.it.amqps.port";
    /** The hub's certificate and key, generated for the run (PKCS12), and its password. */
    static final String TLS_MAGASIN = "registre.it.tls.magasin";
    static final String TLS_MOT_DE_PASSE = "magasin-des-tests-2026";
    /** The certificate of this run is drawn once per JVM (the test classes of a run share it). */
    private static boolean magasinTire;
    /** The repository's docs/ folder: the documented examples are the requests the tests send. */
    static final String EXEMPLES = "registre.it.exemples";
    static final String DB_USER = "registre.it.db.user";
    static final String DB_PASSWORD = "registre.it.db.password";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Configuration
    public Option[] config() throws IOException {
        TestDatabase db = TestDatabase.create("registre_it");
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "drop-" + db.name()));
        // no TestDatabase in any signature: the class does not exist in the container, where this class is loaded too
        // least privilege, as in production: the schema migrated by its owner, the hub working as a role that owns
        // nothing (the tests' own SQL below keeps the administrator's connection)
        TestDatabase.Roles roles = db.roles();
        return OptionUtils.combine(OptionUtils.combine(options(db.jdbcUrl(), db.user(), db.password()),
                    editConfigurationFilePut("etc/org.ops4j.datasource-registre.cfg", "user", roles.application()),
                    editConfigurationFilePut("etc/org.ops4j.datasource-registre.cfg", "password", roles.motDePasse()),
                    editConfigurationFilePut("etc/org.registrehub.store.cfg", "migration.utilisateur",
                            roles.proprietaire()),
                    editConfigurationFilePut("etc/org.registrehub.store.cfg", "migration.motDePasse",
                            roles.motDePasse())),
                extraOptions(db.name(), db.host(), db.port()));
    }

    /**
     * Options a test class adds or overrides (the last value of a configuration key wins). Runs in the driver only;
     * the parameters are plain values because the test database helper does not exist inside the container.
     */
    protected Option[] extraOptions(String dbName, String dbHost, int dbPort) throws IOException {
        return new Option[0];
    }

    private Option[] options(String jdbcUrl, String user, String password) throws IOException {
        int httpPort = freePort();
        int brokerPort = freePort();
        int httpsPort = freePort();
        int amqpsPort = freePort();
        File magasin = magasinTls();
        String distribution = new File(System.getProperty("registre.distribution")).toURI().toString();
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        String brokerUrl = "amqp://127.0.0.1:" + brokerPort;
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distribution).name("Registre Hub")
                    .karafVersion(System.getProperty("karaf.version")).unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            keepRuntimeFolder(),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevelOption.LogLevel.INFO),
            vmOption("-Xmx768m"),
            // a container per test class lives a minute or two: the client compiler alone halves what a boot costs
            vmOption("-XX:TieredStopAtLevel=1"),
            // the probe waits for Pax Exam's invoker while the hub's features install: 10 s by default, too short
            // when the machine is busy (the probe then never registers and the class waits for ever)
            vmOption("-Dorg.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT=180000"),
            // and the invoker, for the injector of the test's services: 10 s by default as well (a fresh-clone CI run
            // hung there, HubPartageIT, while the browser tests ran beside it)
            vmOption("-Dorg.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT=180000"),
            // the probe's own bundles come from the local Maven repository
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepo),
            mavenBundle("org.hamcrest", "hamcrest", System.getProperty("hamcrest.version")),
            mavenBundle("org.awaitility", "awaitility", System.getProperty("awaitility.version")),
            // the throw-away database
            editConfigurationFilePut("etc/org.ops4j.datasource-registre.cfg", "url", jdbcUrl),
            editConfigurationFilePut("etc/org.ops4j.datasource-registre.cfg", "user", user),
            editConfigurationFilePut("etc/org.ops4j.datasource-registre.cfg", "password", password),
            editConfigurationFilePut("etc/org.registrehub.store.cfg", "database.autoCreate", "false"),
            // free ports for everything that listens
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    String.valueOf(httpPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/system.properties", "REGISTRE_BROKER_PORT", String.valueOf(brokerPort)),
            // the production transports: HTTPS and the partners' AMQPS acceptor, with a certificate made for the run
            replaceConfigurationFile("etc/registre-tls.p12", magasin),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.secure.enabled", "true"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure",
                    String.valueOf(httpsPort)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.keystore.password",
                    TLS_MOT_DE_PASSE),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.key.password",
                    TLS_MOT_DE_PASSE),
            editConfigurationFilePut("etc/system.properties", "REGISTRE_BROKER_TLS_PORT", String.valueOf(amqpsPort)),
            editConfigurationFilePut("etc/system.properties", "REGISTRE_TLS_MOT_DE_PASSE", TLS_MOT_DE_PASSE),
            editConfigurationFilePut("etc/system.properties", HTTPS_PORT, String.valueOf(httpsPort)),
            editConfigurationFilePut("etc/system.properties", AMQPS_PORT, String.valueOf(amqpsPort)),
            editConfigurationFilePut("etc/system.properties", TLS_MAGASIN, magasin.getAbsolutePath()),
            editConfigurationFilePut("etc/org.registrehub.erp.cfg", "broker.url", brokerUrl),
            editConfigurationFilePut("etc/org.registrehub.outbox.cfg", "broker.url", brokerUrl),
            // organisations created by the tests get their ERP queues within a second
            editConfigurationFilePut("etc/org.registrehub.erp.cfg", "erp.synchronisation.periodeSecondes", "1"),
            // cheap bcrypt for the accounts the hub creates during the tests (the first administrator's included)
            editConfigurationFilePut("etc/org.registrehub.acces.cfg", "bcrypt.cout", "4"),
            // what the tests read back inside the container
            editConfigurationFilePut("etc/system.properties", HTTP_PORT, String.valueOf(httpPort)),
            editConfigurationFilePut("etc/system.properties", BROKER_PORT, String.valueOf(brokerPort)),
            editConfigurationFilePut("etc/system.properties", DB_URL, jdbcUrl),
            editConfigurationFilePut("etc/system.properties", EXEMPLES,
                    new File(System.getProperty("registre.exemples")).getAbsolutePath()),
            editConfigurationFilePut("etc/system.properties", DB_USER, user),
            editConfigurationFilePut("etc/system.properties", DB_PASSWORD, password),
        };
    }

    /**
     * A key pair and self-signed certificate for 127.0.0.1 and localhost, made by the JDK's keytool for this run
     * (PKCS12): the hub serves HTTPS and AMQPS with it, the tests trust it.
     */
    private static synchronized File magasinTls() throws IOException {
        File magasin = new File("target/registre-tls.p12").getAbsoluteFile();
        if (magasinTire) {
            return magasin;
        }
        java.nio.file.Files.deleteIfExists(magasin.toPath());
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "registre-hub", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost, O=Registre Hub tests", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "7", "-storetype", "PKCS12", "-keystore", magasin.getPath(),
                "-storepass", TLS_MOT_DE_PASSE, "-keypass", TLS_MOT_DE_PASSE).redirectErrorStream(true).start();
        String sortie = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (keytool.waitFor() != 0 || !magasin.exists()) {
                throw new IOException("keytool : " + sortie);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        magasinTire = true;
        return magasin;
    }

    /** The hub's certificate alone, as a trust store file for the clients of the tests (and its SSL context). */
    protected static java.security.KeyStore confiance() throws Exception {
        java.security.KeyStore magasin = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(
                System.getProperty(TLS_MAGASIN)))) {
            magasin.load(in, TLS_MOT_DE_PASSE.toCharArray());
        }
        java.security.KeyStore confiance = java.security.KeyStore.getInstance("PKCS12");
        confiance.load(null, null);
        confiance.setCertificateEntry("registre-hub", magasin.getCertificate("registre-hub"));
        return confiance;
    }

    /** A free port outside the system's ephemeral range (see {@link org.registrehub.testing.Ports}). */
    protected static int freePort() throws IOException {
        return org.registrehub.testing.Ports.libre();
    }

    // ------------------------------------------------------------------ helpers used inside the container

    protected static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty(HTTP_PORT);
    }

    /** Password of every account the tests create (see {@link #comptes()}). */
    protected static final String MOT_DE_PASSE = "mot de passe des tests";
    /** The account the HTTP helpers use unless told otherwise: the gestionnaire of the 44. */
    protected static final String GESTIONNAIRE = "gestionnaire.44";

    protected static String basic(String identifiant, String motDePasse) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((identifiant + ":" + motDePasse)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits until the hub can serve: {@code /api/v1/health} answers 200, so every component the installed features
     * declare (database, realm, broker, routes, channels) is registered and UP. On time-out the message has the last
     * answer, with each component that was not ready and why.
     */
    protected void attendreHubPret(Duration max) {
        org.awaitility.Awaitility.await("le hub est prêt (/api/v1/health = 200)").atMost(max)
                .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                .until(this::sante, r -> r.startsWith("200 "));
    }

    /** The health endpoint's status and body, anonymously (it is public): {@code "503 {...}"}. */
    protected String sante() throws Exception {
        HttpResponse<String> r = getEnTantQue(null, "/api/v1/health");
        return r.statusCode() + " " + r.body();
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return getEnTantQue(GESTIONNAIRE, path);
    }

    protected HttpResponse<String> getEnTantQue(String identifiant, String path) throws Exception {
        HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (identifiant != null) {
            requete.header("Authorization", basic(identifiant, MOT_DE_PASSE));
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return postEnTantQue(GESTIONNAIRE, path, contentType, body);
    }

    /** A POST as this account ({@code null}: anonymous). */
    protected HttpResponse<String> postEnTantQue(String identifiant, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (identifiant != null) {
            requete.header("Authorization", basic(identifiant, MOT_DE_PASSE));
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Any method, with an optional {@code If-Match} and body (JSON). */
    protected HttpResponse<String> envoyer(String methode, String path, String ifMatch, String body) throws Exception {
        return envoyerEnTantQue(GESTIONNAIRE, methode, path, ifMatch, body);
    }

    protected HttpResponse<String> envoyerEnTantQue(String identifiant, String methode, String path, String ifMatch,
                                                    String body) throws Exception {
        HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(methode, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            requete.header("If-Match", ifMatch);
        }
        if (identifiant != null) {
            requete.header("Authorization", basic(identifiant, MOT_DE_PASSE));
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The organisations and accounts of the tests, created once in the test database (bcrypt hashes of
     * {@link #MOT_DE_PASSE}): a guichet of the 44 (G1104), a landlord-guichet of the 44 (G4401), a guichet of the 59,
     * landlords of the 44 (NMH) and of the 59 (LMH), the gestionnaires of the 44 and of Corse-du-Sud, an observatory.
     */
    protected static synchronized void comptes() throws Exception {
        String empreinte = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", MOT_DE_PASSE.toCharArray(),
                new byte[16], 4);
        String[][] organisations = {
            {"MAIRIE-NANTES", "GUICHET", "Mairie de Nantes", "G1104", "044"},
            {"HABITAT44", "BAILLEUR", "Habitat 44", "G4401", "044"},
            {"MAIRIE-LILLE", "GUICHET", "Mairie de Lille", "G5901", "059"},
            {"NMH", "BAILLEUR", "Nantes Métropole Habitat", null, "044"},
            {"LMH", "BAILLEUR", "Lille Métropole Habitat", null, "059"},
            {"DDETS44", "ETAT", "DDETS de Loire-Atlantique", null, "044"},
            {"OBS-PDL", "OBSERVATOIRE", "Observatoire régional", null, "044"},
            {"DDETS2A", "ETAT", "DDETS de Corse-du-Sud", null, "02A"},
        };
        String[][] utilisateurs = {
            {"agent.g1104", "MAIRIE-NANTES", "guichet"},
            {"erp.habitat44", "HABITAT44", "guichet,bailleur"},
            {"bailleur.habitat44", "HABITAT44", "bailleur"},
            {"agent.g5901", "MAIRIE-LILLE", "guichet"},
            {"bailleur.nmh", "NMH", "bailleur"},
            {"bailleur.lmh", "LMH", "bailleur"},
            {GESTIONNAIRE, "DDETS44", "gestionnaire"},
            {"observatoire", "OBS-PDL", "observateur"},
            {"gestionnaire.2a", "DDETS2A", "gestionnaire"},
        };
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(System.getProperty(DB_URL));
        ds.setUser(System.getProperty(DB_USER));
        ds.setPassword(System.getProperty(DB_PASSWORD));
        try (java.sql.Connection c = ds.getConnection()) {
            for (String[] o : organisations) {
                try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO organisation (code, type, nom,"
                        + " guichet) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    p.setString(1, o[0]);
                    p.setString(2, o[1]);
                    p.setString(3, o[2]);
                    p.setString(4, o[3]);
                    p.executeUpdate();
                }
                try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO organisation_territoire"
                        + " SELECT id, ? FROM organisation WHERE code = ? ON CONFLICT DO NOTHING")) {
                    p.setString(1, o[4]);
                    p.setString(2, o[0]);
                    p.executeUpdate();
                }
            }
            for (String[] u : utilisateurs) {
                try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO utilisateur (identifiant, nom,"
                        + " organisation_id, empreinte, roles) SELECT ?, ?, id, ?, CAST(string_to_array(?, ',') AS"
                        + " VARCHAR(20)[]) FROM organisation WHERE code = ? ON CONFLICT DO NOTHING")) {
                    p.setString(1, u[0]);
                    p.setString(2, u[0]);
                    p.setString(3, empreinte);
                    p.setString(4, u[2]);
                    p.setString(5, u[1]);
                    p.executeUpdate();
                }
            }
        }
    }

    /** Waits until these organisations' ERP queues exist and the hub consumes them (routes synchronised). */
    protected void attendreFilesErp(String... organisations) {
        org.awaitility.Awaitility.await("ERP queues of " + Arrays.toString(organisations)
                + " consumed (organisations whose queue is consumed)").atMost(Duration.ofSeconds(60)).until(() -> {
                    var ref = bundleContext.getServiceReference(org.registrehub.api.erp.SupervisionErp.class);
                    if (ref == null) {
                        return java.util.Set.<String>of();
                    }
                    org.registrehub.api.erp.SupervisionErp s = bundleContext.getService(ref);
                    try {
                        return s.etat().stream().filter(org.registrehub.api.erp.EtatOrganisationErp::consommee)
                                .map(org.registrehub.api.erp.EtatOrganisationErp::organisation)
                                .collect(Collectors.toSet());
                    } finally {
                        bundleContext.ungetService(ref);
                    }
                }, prets -> prets.containsAll(Arrays.asList(organisations)));
    }

    /**
     * Sends a message on an organisation's inbound queue with one of its accounts, and returns the hub's reply
     * (selected by its JMSCorrelationID), or null after 60 s.
     */
    protected static javax.jms.TextMessage envoyerErp(String compte, String organisation, String messageId,
                                                      String json) throws Exception {
        return envoyerErp(broker(compte, MOT_DE_PASSE), organisation, messageId, json);
    }

    /** The same, through that connection factory. */
    protected static javax.jms.TextMessage envoyerErp(ConnectionFactory fabrique, String organisation,
                                                      String messageId, String json) throws Exception {
        try (Connection c = fabrique.createConnection()) {
            c.start();
            javax.jms.Session session = c.createSession(false, javax.jms.Session.AUTO_ACKNOWLEDGE);
            javax.jms.MessageConsumer reponses = session.createConsumer(session.createQueue("registre.erp."
                    + organisation + ".reponses"), "JMSCorrelationID = '" + messageId + "'");
            session.createProducer(session.createQueue("registre.erp." + organisation + ".entrant"))
                    .send(session.createTextMessage(json));
            return (javax.jms.TextMessage) reponses.receive(60_000);
        }
    }


    /**
     * A bailSigne message (docs/messages/erp-bail-signe.schema.json), as {@code MessagesErp.bailSigne} of the test
     * support writes it outside the container: the Pax Exam probe carries this module's classes only.
     */
    protected static String bailSigne(String messageId, String numero) {
        return "{\"messageId\":\"" + messageId + "\",\"type\":\"bailSigne\",\"versionSchema\":1,"
                + "\"horodatage\":\"2026-11-30T10:00:00Z\",\"bailSigne\":{\"numeroUnique\":\"" + numero + "\","
                + "\"identifiantRpls\":\"44109000123\",\"reservataire\":\"ETAT\",\"dalo\":false,"
                + "\"dateSignature\":\"" + java.time.LocalDate.now().minusDays(1) + "\"}}";
    }

    /**
     * A factory on the partners' acceptor: AMQP over TLS, trusting the hub's certificate of the run (written to
     * {@code confiance}, a PKCS12 trust store), the host name checked.
     */
    protected static ConnectionFactory brokerTls(String identifiant, String motDePasse, java.nio.file.Path confiance,
                                                 String motDePasseConfiance) {
        return new JmsConnectionFactory(identifiant, motDePasse, "amqps://127.0.0.1:" + System.getProperty(AMQPS_PORT)
                + "?jms.populateJMSXUserID=true&transport.trustStoreLocation=" + confiance
                + "&transport.trustStorePassword=" + motDePasseConfiance + "&transport.trustStoreType=PKCS12"
                + "&transport.verifyHost=true");
    }

    /** A broker connection factory for this register account (the broker uses the realm "registre"). */
    protected static ConnectionFactory broker(String identifiant, String motDePasse) {
        // an ERP puts its login in the AMQP user-id: the broker refuses an inbound message without it
        return new JmsConnectionFactory(identifiant, motDePasse, "amqp://127.0.0.1:" + System.getProperty(BROKER_PORT)
                + "?jms.populateJMSXUserID=true");
    }

    /** The administrator created at the first start (from its secret file, which its first password change deletes). */
    protected static String[] administrateur() throws Exception {
        Path secret = Path.of(System.getProperty("karaf.data"), "registre", "admin.secret");
        org.awaitility.Awaitility.await("first administrator created").atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(secret) && Files.size(secret) > 0);
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(secret)) {
            p.load(in);
        }
        return new String[] {p.getProperty("identifiant"), p.getProperty("motDePasse")};
    }

    /**
     * Runs a console command as an administrator would type it (as a user with the admin role, so that the command
     * ACLs of etc/org.apache.karaf.command.acl.*.cfg apply as they do over SSH) and returns what it printed.
     */
    protected String executer(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("karaf"));
        for (String role : List.of("admin", "manager", "viewer", "systembundles")) {
            admin.getPrincipals().add(new RolePrincipal(role));
        }
        Session session = sessionFactory.create(System.in, print, print);
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            // as the shell does on every session: a command reports its error by throwing it
            print.println("Error executing command: " + e.getException().getMessage());
        } catch (RuntimeException e) {
            print.println("Error executing command: " + e.getMessage());
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs a console command in a session opened with this register account (a real login through the realm). */
    protected String executerEnTantQue(String identifiant, String command) throws Exception {
        return executerEnTantQue(identifiant, MOT_DE_PASSE, command);
    }

    /** Runs a console command in a session opened with this account and password (the administrator's...). */
    protected String executerEnTantQue(String identifiant, String motDePasse, String command) throws Exception {
        Subject sujet = new Subject();
        new javax.security.auth.login.LoginContext("registre", sujet, callbacks -> {
            for (javax.security.auth.callback.Callback c : callbacks) {
                if (c instanceof javax.security.auth.callback.NameCallback n) {
                    n.setName(identifiant);
                } else if (c instanceof javax.security.auth.callback.PasswordCallback pw) {
                    pw.setPassword(motDePasse.toCharArray());
                }
            }
        }).login();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, print, print);
        try {
            Subject.doAs(sujet, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            print.println("Error executing command: " + e.getException().getMessage());
        } catch (RuntimeException e) {
            print.println("Error executing command: " + e.getMessage());
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    protected Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("bundle absent : " + symbolicName));
    }

    /** Bundles that are neither active nor fragments (fragments stay RESOLVED by design). */
    protected List<String> bundlesInactifs() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getHeaders().get("Fragment-Host") == null && b.getState() != Bundle.ACTIVE)
                .map(b -> b.getBundleId() + " " + b.getSymbolicName() + " state=" + b.getState())
                .collect(Collectors.toList());
    }

    /** Counts rows straight in the test database, bypassing the hub (its DataSource may be cut on purpose). */
    protected static long compterEnDirect(String sql) throws Exception {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(System.getProperty(DB_URL));
        ds.setUser(System.getProperty(DB_USER));
        ds.setPassword(System.getProperty(DB_PASSWORD));
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The values of the first column of a query, joined with commas, straight from the test database. */
    protected static String texteEnDirect(String sql) throws Exception {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(System.getProperty(DB_URL));
        ds.setUser(System.getProperty(DB_USER));
        ds.setPassword(System.getProperty(DB_PASSWORD));
        List<String> valeurs = new java.util.ArrayList<>();
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                valeurs.add(rs.getString(1));
            }
        }
        return String.join(",", valeurs);
    }

    private static final java.util.concurrent.atomic.AtomicInteger PERSONNES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A first name no other request of this run uses ("Leaab", "Leaac"...): every example demand is then another
     * applicant, never a presumed duplicate of an earlier one.
     */
    protected static String prenomUnique() {
        int n = PERSONNES.incrementAndGet();
        StringBuilder s = new StringBuilder("Lea");
        for (int i = 0; i < 4; i++, n /= 26) {
            s.append((char) ('a' + n % 26));
        }
        return s.toString();
    }

    /**
     * The documented REST body (docs/exemples/nouvelle-demande.json) for another applicant: this family name, a first
     * name of its own and no NIR.
     */
    protected static String demandeJson(String nom) {
        return exemple("exemples/nouvelle-demande.json")
                .replaceFirst("\"nom\": \"Martin\"", "\"nom\": \"" + nom + "\"")
                .replaceFirst("\"prenoms\": \"Léa Marie\"", "\"prenoms\": \"" + prenomUnique() + " Marie\"")
                .replaceFirst("\"nir\": \"[0-9]+\",", "");
    }

    /**
     * The documented SOAP request (docs/soap/enregistrer-demande.xml) for another applicant (this family name, a first
     * name of its own, no NIR), birth date, first commune and first typology.
     */
    protected static String soapEnregistrer(String nom, String naissance, String commune, String typologie) {
        return exemple("soap/enregistrer-demande.xml")
                .replaceFirst("<r:nom>Martin</r:nom>", "<r:nom>" + nom + "</r:nom>")
                .replaceFirst("<r:prenoms>Léa Marie</r:prenoms>", "<r:prenoms>" + prenomUnique() + "</r:prenoms>")
                .replaceFirst("<r:dateNaissance>1990-04-12</r:dateNaissance>",
                        "<r:dateNaissance>" + naissance + "</r:dateNaissance>")
                .replaceFirst("<r:communes>44109</r:communes>", "<r:communes>" + commune + "</r:communes>")
                .replaceFirst("<r:typologies>T3</r:typologies>", "<r:typologies>" + typologie + "</r:typologies>")
                .replaceFirst("<r:nir>[^<]*</r:nir>", "");
    }

    protected static String exemple(String chemin) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty(EXEMPLES), chemin),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
