package org.registrehub.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.Session;
import javax.jms.TextMessage;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.sql.DataSource;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.service.blueprint.container.BlueprintContainer;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.Identite;

/** The walking skeleton end to end: every bundle active, a demand through REST, SOAP and a queue, the outbox relay. */
public class HubIT extends HubTestSupport {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9AB]{13}(G[0-9]{4}|GDPUB))\"");
    private static final Pattern NUMERO_XML = Pattern.compile("<numeroUnique>([^<]+)</numeroUnique>");

    @Inject
    @Filter(value = "(osgi.jndi.service.name=registre)", timeout = 120_000)
    private DataSource dataSource;

    @Inject
    @Filter(timeout = 120_000)
    private RegistreService registre;

    @Before
    public void hubPret() throws Exception {
        attendreHubPret(Duration.ofSeconds(120));
        comptes();
    }

    @Test
    public void everyBundleIsActiveAndEveryBlueprintContainerIsUp() throws Exception {
        await("all bundles active (inactive ones listed)").atMost(Duration.ofSeconds(60))
                .until(this::bundlesInactifs, List::isEmpty);
        for (String module : List.of("api", "json", "store", "numerotation", "enregistrement", "attestation", "acces",
                "ws-rest", "ws-soap", "console", "console-statistiques", "console-campagne-renouvellement",
                "console-synchro-nationale", "console-fichiers-departementaux", "console-erp", "routes-erp",
                "routes-relais-outbox")) {
            assertEquals(module, Bundle.ACTIVE, bundle("org.registrehub.registre-" + module).getState());
        }
        for (String module : List.of("ws-rest", "rest-statistiques", "rest-campagne-renouvellement", "ws-soap",
                "routes-erp", "routes-relais-outbox")) {
            String filter = "(osgi.blueprint.container.symbolicname=org.registrehub.registre-" + module + ")";
            await("blueprint container of " + module).atMost(Duration.ofSeconds(60))
                    .until(() -> bundleContext.getServiceReferences(BlueprintContainer.class, filter).size(),
                            n -> n > 0);
        }
        for (String feature : List.of("registre-broker", "registre-enregistrement", "registre-attestation",
                "registre-acces", "registre-rest", "registre-soap", "registre-console", "registre-erp",
                "registre-relais-outbox")) {
            assertTrue(feature, featuresService.isInstalled(featuresService.getFeature(feature)));
        }
        System.out.println("ITEST bundles=" + bundleContext.getBundles().length);
    }

    /** Every component the installed features declare, each UP, in the health endpoint and the console. */
    @Test
    public void healthListsEveryComponentOfTheInstalledFeatures() throws Exception {
        String sante = sante();
        assertTrue(sante, sante.startsWith("200 {\"statut\":\"UP\""));
        for (String composant : List.of("api-rest", "authentification", "base-de-donnees", "broker",
                "campagne-renouvellement", "console", "erp-bailleurs", "fichiers-departementaux", "relais-outbox",
                "service-soap", "statistiques", "synchro-nationale")) {
            assertTrue(composant + " : " + sante, sante.contains("\"composant\":\"" + composant + "\",\"statut\":\"UP\""));
        }
        String console = executer("registre:sante");
        assertTrue(console, console.startsWith("Hub : UP (prêt à servir)"));
        assertTrue(console, console.contains("authentification") && console.contains("royaume JAAS"));
    }

    /**
     * The security bundle stopped (as during its update): the health says at once that authentication is not there,
     * instead of UP while every login fails; started again, the health turns UP only when the realm, the broker and
     * the channels serve, so that the first call after it succeeds on REST, SOAP, the broker and the console.
     */
    @Test
    public void healthNamesAuthenticationWhileTheSecurityBundleIsStoppedAndEveryChannelServesOnceItIsUp()
            throws Exception {
        Bundle securite = bundle("org.registrehub.registre-acces");
        securite.stop();
        try {
            await("health 503 naming the stopped authentication").atMost(Duration.ofSeconds(30))
                    .until(this::sante, r -> r.startsWith("503 ")
                            && r.contains("\"composant\":\"authentification\",\"statut\":\"DOWN\""));
            // the console's health command answers even while the other registre:* commands wait for the service,
            // and tells the administrator how to start it (the public health gives the status only)
            String console = executer("registre:sante");
            assertTrue(console, console.startsWith("Hub : DOWN") && console.contains("authentification"));
            assertTrue(console, console.contains("bundle:start org.registrehub.registre-acces pour le relancer"));
        } finally {
            securite.start();
        }
        attendreHubPret(Duration.ofSeconds(60));
        HttpResponse<String> rest = get("/api/v1/acces/organisations");
        assertEquals(rest.body(), 200, rest.statusCode());
        HttpResponse<String> soap = post("/ws/registre/v1", "text/xml; charset=UTF-8",
                soapEnregistrer("Apresredemarrage", "1980-05-05", "44109", "T3"));
        assertEquals(soap.body(), 200, soap.statusCode());
        try (javax.jms.Connection broker = broker(GESTIONNAIRE, MOT_DE_PASSE).createConnection()) {
            broker.start();
        }
        String console = executerEnTantQue(GESTIONNAIRE, "registre:demande-rechercher --nom Apresredemarrage");
        assertTrue(console, console.contains("Apresredemarrage"));
    }

    /**
     * A change of {@code org.registrehub.acces} (here the memory of verified passwords) is applied in place: the
     * realm is not withdrawn, so no login is refused meanwhile (before, every change restarted it and logins got
     * "L'authentification du registre redémarre").
     */
    @Test
    public void aChangeOfTheSecurityConfigurationAppliesWithoutWithdrawingTheRealm() throws Exception {
        String filtreRoyaume = "(&(objectClass=org.apache.karaf.jaas.config.JaasRealm)"
                + "(org.apache.karaf.jaas.realm=registre))";
        Object avant = bundleContext.getServiceReferences((String) null, filtreRoyaume)[0].getProperty("service.id");
        var configurations = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.cm.ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration securite = configurations.getConfiguration("org.registrehub.acces", null);
        java.util.Dictionary<String, Object> proprietes = securite.getProperties();
        Object minutes = proprietes.get("verification.cacheMinutes");
        AppelsContinus client = new AppelsContinus("connexions-pendant-le-changement",
                i -> get("/api/v1/acces/organisations"));
        try {
            await("the client logs in before the change").atMost(Duration.ofSeconds(10))
                    .until(client::appels, n -> n >= 5);
            proprietes.put("verification.cacheMinutes", "4");
            securite.update(proprietes);
            await("the authentication component runs with the new configuration").atMost(Duration.ofSeconds(30))
                    .until(this::configurationAuthentification, p -> p.contains("verification.cacheMinutes=4"));
            int apres = client.appels();
            await("the client logs in after the change").atMost(Duration.ofSeconds(10))
                    .until(client::appels, n -> n >= apres + 5);
        } finally {
            client.close();
            proprietes.put("verification.cacheMinutes", minutes == null ? "5" : minutes);
            securite.update(proprietes);
        }
        assertTrue("logins refused during the change: " + client.echecs(), client.echecs().isEmpty());
        assertEquals("the realm was withdrawn and registered again", avant, bundleContext.getServiceReferences(
                (String) null, filtreRoyaume)[0].getProperty("service.id"));
    }

    /** The state and properties of the component Authentification, as the runtime of Declarative Services has them. */
    private String configurationAuthentification() {
        var scr = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.component.runtime.ServiceComponentRuntime.class));
        var description = scr.getComponentDescriptionDTO(bundle("org.registrehub.registre-acces"),
                "org.registrehub.acces.internal.Authentification");
        return scr.getComponentConfigurationDTOs(description).stream()
                .map(c -> "state=" + c.state + " " + c.properties.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(" ")))
                .collect(Collectors.joining("; "));
    }

    @Test
    public void restRegistersAndReadsBack() throws Exception {
        long avant = compter("select count(*) from demande where canal_creation = 'REST'");
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Martin"));
        assertEquals(cree.body(), 201, cree.statusCode());
        String numero = extraire(NUMERO, cree.body());
        String location = cree.headers().firstValue("Location").orElseThrow();
        assertTrue(location, location.endsWith("/api/v1/demandes/" + numero));
        assertTrue(numero, numero.startsWith("044"));

        HttpResponse<String> lu = get(URI.create(location).getPath());
        assertEquals(200, lu.statusCode());
        assertTrue(lu.body(), lu.body().contains("\"nom\":\"Martin\""));
        assertTrue(lu.body(), lu.body().contains("\"statut\":\"ACTIVE\""));
        assertEquals(avant + 1, compter("select count(*) from demande where canal_creation = 'REST'"));
        assertEquals(1, compter("select count(*) from outbox where numero_unique = '" + numero + "'"));
    }

    @Test
    public void restRefusesInvalidInputWithFieldErrorsAndWritesNothing() throws Exception {
        long demandes = compter("select count(*) from demande");
        long evenements = compter("select count(*) from outbox");
        HttpResponse<String> refuse = post("/api/v1/demandes", "application/json",
                demandeJson("Martin").replace("\"44109\"", "\"4410\"").replace("G1104", "X1"));
        assertEquals(400, refuse.statusCode());
        assertEquals("application/problem+json", refuse.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(refuse.body(), refuse.body()
                .contains("\"champ\":\"dossier.logementRecherche.communes[0]\",\"regle\":\"format\""));
        assertTrue(refuse.body(), refuse.body().contains("\"champ\":\"guichet\""));

        HttpResponse<String> malforme = post("/api/v1/demandes", "application/json", "{\"nom\": ");
        assertEquals(400, malforme.statusCode());
        assertTrue(malforme.body(), malforme.body().contains("json-malforme"));

        HttpResponse<String> typologie = post("/api/v1/demandes", "application/json",
                demandeJson("Martin").replace("\"T3\"", "\"T9\""));
        assertEquals(400, typologie.statusCode());
        assertTrue(typologie.body(), typologie.body().contains("\"champ\":\"dossier.logementRecherche.typologies[0]\""));

        assertEquals(404, get("/api/v1/demandes/0440101999999G1104").statusCode());
        assertEquals(400, get("/api/v1/demandes/pas-un-numero").statusCode());
        assertEquals(demandes, compter("select count(*) from demande"));
        assertEquals(evenements, compter("select count(*) from outbox"));
    }

    @Test
    public void soapRegistersAndReadsBackFromTheContract() throws Exception {
        HttpResponse<String> wsdl = get("/ws/registre/v1?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("enregistrerDemande"));

        HttpResponse<String> cree = postEnTantQue("gestionnaire.2a", "/ws/registre/v1", "text/xml; charset=UTF-8",
                soapEnregistrer("Durand", "1975-02-28", "2A004", "T6+"));
        assertEquals(cree.body(), 200, cree.statusCode());
        String numero = extraire(NUMERO_XML, cree.body());
        assertTrue(numero, numero.startsWith("02A"));
        assertTrue(cree.body(), cree.body().contains("<typologies>T6_PLUS</typologies>"));

        HttpResponse<String> lu = postEnTantQue("gestionnaire.2a", "/ws/registre/v1", "text/xml; charset=UTF-8",
                enveloppe("<r:consulterDemande><r:numeroUnique>" + numero + "</r:numeroUnique></r:consulterDemande>"));
        assertEquals(200, lu.statusCode());
        // Only the attestation travels as MTOM; the other answers are plain envelopes.
        for (HttpResponse<String> reponse : List.of(cree, lu)) {
            String type = reponse.headers().firstValue("Content-Type").orElseThrow();
            assertTrue(type, type.startsWith("text/xml"));
        }
        assertTrue(lu.body(), lu.body().contains("<nom>Durand</nom>"));
        assertTrue(lu.body(), lu.body().contains("<dateValidite>"));
        assertEquals(1, compter("select count(*) from demande where numero_unique = '" + numero
                + "' and canal_creation = 'SOAP'"));
    }

    @Test
    public void soapRefusesInvalidInputWithAFaultPerFieldAndWritesNothing() throws Exception {
        long demandes = compter("select count(*) from demande");
        HttpResponse<String> refuse = post("/ws/registre/v1", "text/xml; charset=UTF-8",
                soapEnregistrer("Durand", "28/02/1975", "2A004", "T6+"));
        assertEquals(500, refuse.statusCode());
        assertTrue(refuse.body(), refuse.body().contains("<code>DEMANDE_INVALIDE</code>"));
        assertTrue(refuse.body(), refuse.body().contains("<faultcode>soap:Client</faultcode>"));
        assertTrue(refuse.body(), refuse.body()
                .contains("<champ>dossier.demandeur.dateNaissance</champ><regle>format</regle>"));

        HttpResponse<String> absente = post("/ws/registre/v1", "text/xml; charset=UTF-8", enveloppe(
                "<r:consulterDemande><r:numeroUnique>0440101999999G1104</r:numeroUnique></r:consulterDemande>"));
        assertTrue(absente.body(), absente.body().contains("<code>DEMANDE_INTROUVABLE</code>"));
        assertTrue(absente.headers().firstValue("Content-Type").orElseThrow().startsWith("text/xml"));

        HttpResponse<String> pasXml = post("/ws/registre/v1", "text/xml; charset=UTF-8", "<pas-fini");
        assertEquals(500, pasXml.statusCode());
        assertEquals(demandes, compter("select count(*) from demande"));
    }

    @Test
    public void everyRegistrationIsRelayedFromTheOutboxToTheEventsAddress() throws Exception {
        // the events address is the hub's own; a landlord of the 44 gets the same event on its queue
        try (javax.jms.Connection connection = broker("bailleur.nmh", MOT_DE_PASSE).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer evenements = session.createConsumer(session.createQueue("registre.erp.NMH.evenements"));
            HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Relais"));
            assertEquals(201, cree.statusCode());
            String numero = extraire(NUMERO, cree.body());
            Message evenement = null;
            for (Message m = evenements.receive(60_000); m != null; m = evenements.receive(10_000)) {
                if (numero.equals(m.getStringProperty("registreNumeroUnique"))) {
                    evenement = m;
                    break;
                }
            }
            assertNotNull("event of " + numero + " not received", evenement);
            assertEquals("demandeEnregistree", evenement.getStringProperty("registreType"));
            String corps = ((TextMessage) evenement).getText();
            assertTrue(corps, corps.contains("\"canal\":\"REST\""));
            assertTrue(corps, corps.contains("\"nom\":\"Relais\""));
            await("the demand's events relayed (pending events)").atMost(Duration.ofSeconds(30)).until(() -> compter(
                    "select count(*) from outbox where publie_le is null and numero_unique = '" + numero + "'"), v -> v == 0);
        }
    }

    @Test
    public void aPresumedDuplicateIsReportedOnEveryChannelAndRegisteredWithAJustification() throws Exception {
        String demande = demandeJson("Doublon");
        HttpResponse<String> premiere = post("/api/v1/demandes", "application/json", demande);
        assertEquals(201, premiere.statusCode());
        String numero = extraire(NUMERO, premiere.body());
        long avant = compter("select count(*) from demande");

        HttpResponse<String> rest = post("/api/v1/demandes", "application/json", demande
                .replace("\"nom\": \"Doublon\"", "\"nom\": \"DOUBLON\""));
        assertEquals(409, rest.statusCode());
        assertTrue(rest.body(), rest.body().contains("\"code\":\"DOUBLON_PRESUME\""));
        assertTrue(rest.body(), rest.body().contains("\"numeroUnique\":\"" + numero + "\",\"critere\":\"IDENTITE\""));

        String prenom = demande.replaceAll("(?s).*\"prenoms\": \"(Lea[a-z]+) Marie\".*", "$1");
        String soap = soapEnregistrer("Doublon", "1990-04-12", "44109", "T3")
                .replaceFirst("<r:prenoms>Lea[a-z]+</r:prenoms>", "<r:prenoms>" + prenom + "</r:prenoms>");
        HttpResponse<String> faute = post("/ws/registre/v1", "text/xml; charset=UTF-8", soap);
        assertTrue(faute.body(), faute.body().contains("<code>DOUBLON_PRESUME</code>"));
        assertTrue(faute.body(), faute.body().contains("<doublon><numeroUnique>" + numero + "</numeroUnique>"));
        assertEquals(avant, compter("select count(*) from demande"));

        HttpResponse<String> justifiee = post("/api/v1/demandes", "application/json", demande.replaceFirst("\\{",
                "{\"justificationDoublon\": \"séparation : chacun dépose sa propre demande\","));
        assertEquals(justifiee.body(), 201, justifiee.statusCode());
        String second = extraire(NUMERO, justifiee.body());
        HttpResponse<String> historique = get("/api/v1/demandes/" + second + "/historique");
        assertTrue(historique.body(), historique.body().contains("doublon confirmé de " + numero
                + " (IDENTITE) : séparation : chacun dépose sa propre demande"));
    }

    @Test
    public void lifeCycleThroughRestWithOptimisticLockingAndHistory() throws Exception {
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Cycle"));
        assertEquals("\"0\"", cree.headers().firstValue("ETag").orElseThrow());
        String numero = extraire(NUMERO, cree.body());
        String chemin = "/api/v1/demandes/" + numero;
        String dossier = dossierDe(demandeJson("Cycle")).replace("lea.martin@example.org", "cycle@example.org");

        assertEquals(428, envoyer("PUT", chemin, null, dossier).statusCode());
        HttpResponse<String> modifiee = envoyer("PUT", chemin, "\"0\"", dossier);
        assertEquals(modifiee.body(), 200, modifiee.statusCode());
        assertEquals("\"1\"", modifiee.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> perdue = envoyer("PUT", chemin, "\"0\"", dossier);
        assertEquals("a second writer with the old version must not overwrite", 412, perdue.statusCode());
        assertTrue(perdue.body(), perdue.body().contains("VERSION_OBSOLETE"));

        HttpResponse<String> renouvelee = envoyer("POST", chemin + "/renouvellement", "\"1\"", null);
        assertEquals(renouvelee.body(), 200, renouvelee.statusCode());
        assertTrue(renouvelee.body(), renouvelee.body().contains("\"dateDernierRenouvellement\":\"20"));

        String radiation = "{\"motif\":\"ATTRIBUTION\",\"attribution\":{\"bailleur\":\"Habitat 44\","
                + "\"identifiantRpls\":\"RPLS0449\",\"reservataire\":\"ETAT\",\"dalo\":true},\"commentaire\":\"bail signé\"}";
        assertEquals(400, envoyer("POST", chemin + "/radiation", "\"2\"", "{\"motif\":\"ATTRIBUTION\"}")
                .statusCode());
        // Unreadable and missing values are named alike, with the path of the rules on every channel.
        HttpResponse<String> illisible = envoyer("POST", chemin + "/radiation", "\"2\"",
                radiation.replace("\"dalo\":true", "\"dalo\":\"oui\""));
        assertEquals(illisible.body(), 400, illisible.statusCode());
        assertTrue(illisible.body(), illisible.body().contains("\"champ\":\"radiation.attribution.dalo\""));
        HttpResponse<String> incomplete = envoyer("POST", chemin + "/radiation", "\"2\"",
                radiation.replace(",\"dalo\":true", "").replace(",\"reservataire\":\"ETAT\"", ""));
        assertEquals(incomplete.body(), 400, incomplete.statusCode());
        assertTrue(incomplete.body(), incomplete.body().contains("\"champ\":\"radiation.attribution.dalo\""));
        assertTrue(incomplete.body(), incomplete.body().contains("\"champ\":\"radiation.attribution.reservataire\""));
        HttpResponse<String> radiee = envoyer("POST", chemin + "/radiation", "\"2\"", radiation);
        assertEquals(radiee.body(), 200, radiee.statusCode());
        assertTrue(radiee.body(), radiee.body().contains("\"statut\":\"RADIEE\""));
        HttpResponse<String> deuxFois = envoyer("POST", chemin + "/radiation", "\"3\"", radiation);
        assertEquals(409, deuxFois.statusCode());
        assertTrue(deuxFois.body(), deuxFois.body().contains("TRANSITION_INTERDITE"));
        assertEquals(409, envoyer("POST", chemin + "/renouvellement", "\"3\"", null).statusCode());

        HttpResponse<String> historique = get(chemin + "/historique");
        assertEquals(200, historique.statusCode());
        for (String operation : List.of("ENREGISTREMENT", "MODIFICATION", "RENOUVELLEMENT", "RADIATION")) {
            assertTrue(operation, historique.body().contains("\"operation\":\"" + operation + "\""));
        }
        assertTrue(historique.body(), historique.body().contains(
                "{\"champ\":\"dossier.contact.email\",\"avant\":\"lea.martin@example.org\",\"apres\":\"cycle@example.org\"}"));
        assertTrue(historique.body(), historique.body().contains("\"acteur\":\"gestionnaire.44\""));
        assertEquals(4, compter("select count(*) from demande_historique where numero_unique = '" + numero + "'"));
        assertEquals(1, compter("select count(*) from outbox where type = 'demandeRadiee' and numero_unique = '"
                + numero + "'"));

        String console = executerEnTantQue(GESTIONNAIRE, "registre:demande-historique " + numero);
        assertTrue(console, console.contains("RADIATION"));
        assertTrue(console, console.contains("bail signé"));
    }

    @Test
    public void attestationAsPdfThroughRestAndAsMtomAttachmentThroughSoap() throws Exception {
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Attestation"));
        String numero = extraire(NUMERO, cree.body());
        HttpResponse<byte[]> pdf = http.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/demandes/" + numero + "/attestation")).header("Authorization", basic(GESTIONNAIRE,
                MOT_DE_PASSE)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String texte = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            String groupe = numero.substring(0, 3) + " " + numero.substring(3, 5) + " " + numero.substring(5, 7) + " "
                    + numero.substring(7, 13) + " " + numero.substring(13);
            assertTrue(texte, texte.contains(groupe));
            assertTrue(texte, texte.contains("ATTESTATION") || texte.contains("Attestation d'enregistrement"));
        }

        HttpResponse<String> soap = post("/ws/registre/v1", "text/xml; charset=UTF-8", enveloppe(
                "<r:attestationDemande><r:numeroUnique>" + numero + "</r:numeroUnique></r:attestationDemande>"));
        assertEquals(200, soap.statusCode());
        assertTrue(soap.headers().firstValue("Content-Type").orElseThrow(),
                soap.headers().firstValue("Content-Type").orElseThrow().contains("multipart/related"));
        assertTrue("the PDF is an attachment", soap.body().contains("xop:Include") && soap.body().contains("%PDF"));

        assertEquals(404, get("/api/v1/demandes/0440101999999G1104/attestation").statusCode());
    }

    @Test
    public void searchThroughRestAndConsole() throws Exception {
        String nom = "Recherche";
        for (int i = 0; i < 3; i++) {
            assertEquals(201, post("/api/v1/demandes", "application/json", demandeJson(nom)).statusCode());
        }
        HttpResponse<String> page = get("/api/v1/demandes?nom=RECHERCHE&commune=44162&statut=ACTIVE&taille=2&tri=nom");
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body(), page.body().contains("\"total\":3,\"totalExact\":true"));
        assertEquals(2, page.body().split("\"numeroUnique\"").length - 1);
        HttpResponse<String> suivante = get("/api/v1/demandes?nom=rech&taille=2&page=1");
        assertEquals(1, suivante.body().split("\"numeroUnique\"").length - 1);
        HttpResponse<String> mauvaise = get("/api/v1/demandes?dateNaissance=1990-13-01&statut=PERDUE&taille=500");
        assertEquals(400, mauvaise.statusCode());
        assertTrue(mauvaise.body(), mauvaise.body().contains("\"champ\":\"dateNaissance\""));
        assertTrue(mauvaise.body(), mauvaise.body().contains("\"champ\":\"statut\""));

        String console = executerEnTantQue(GESTIONNAIRE, "registre:demande-rechercher --nom recherche --taille 5");
        assertTrue(console, console.contains("3 demande(s)"));
        assertTrue(console, console.contains("Recherche"));
    }

    /** The "dossier" member of a registration body. */
    private static String dossierDe(String nouvelleDemande) {
        int debut = nouvelleDemande.indexOf("\"dossier\":") + "\"dossier\":".length();
        return nouvelleDemande.substring(debut, nouvelleDemande.lastIndexOf('}'));
    }

    @Test
    public void anonymousCallersAreRefusedExceptForHealthAndTheContract() throws Exception {
        HttpResponse<String> anonyme = getEnTantQue(null, "/api/v1/demandes?nom=martin");
        assertEquals(401, anonyme.statusCode());
        assertEquals("Basic realm=\"Registre Hub\", charset=\"UTF-8\"",
                anonyme.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(anonyme.body(), anonyme.body().contains("\"code\":\"AUTHENTIFICATION_REQUISE\""));
        HttpResponse<String> faux = http.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/demandes?nom=martin")).header("Authorization", basic(GESTIONNAIRE, "pas le bon")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, faux.statusCode());
        assertEquals(200, getEnTantQue(null, "/api/v1/health").statusCode());
        assertEquals(200, getEnTantQue(null, "/ws/registre/v1?wsdl").statusCode());

        HttpResponse<String> soap = postEnTantQue(null, "/ws/registre/v1", "text/xml; charset=UTF-8", enveloppe(
                "<r:consulterDemande><r:numeroUnique>0440101000001G1104</r:numeroUnique></r:consulterDemande>"));
        assertEquals(401, soap.statusCode());
        assertTrue(soap.body(), soap.body().contains("<faultcode>soap:Client</faultcode>"));
        assertTrue(soap.body(), soap.body().contains("<code>AUTHENTIFICATION_REQUISE</code>"));
        assertTrue(soap.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    public void rolesAndTerritoriesAreEnforcedOnEveryChannelAndNominativeReadsAreAudited() throws Exception {
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Territoire"));
        assertEquals(cree.body(), 201, cree.statusCode());
        String numero = extraire(NUMERO, cree.body());

        // a guichet of the 59 on a demand of the 44: REST 403, SOAP client fault, console refusal; nothing audited
        HttpResponse<String> lille = getEnTantQue("agent.g5901", "/api/v1/demandes/" + numero);
        assertEquals(403, lille.statusCode());
        assertTrue(lille.body(), lille.body().contains("\"code\":\"ACCES_REFUSE\""));
        assertTrue(lille.body(), lille.body().contains("hors des territoires de MAIRIE-LILLE (059)"));
        HttpResponse<String> soap = postEnTantQue("agent.g5901", "/ws/registre/v1", "text/xml; charset=UTF-8",
                enveloppe("<r:consulterDemande><r:numeroUnique>" + numero + "</r:numeroUnique></r:consulterDemande>"));
        assertTrue(soap.body(), soap.body().contains("<code>ACCES_REFUSE</code>"));
        assertTrue(soap.body(), soap.body().contains("<faultcode>soap:Client</faultcode>"));
        // the console is the gestionnaires' and administrators': a guichet does not even see the command
        String console = executerEnTantQue("agent.g5901", "registre:demande-fiche " + numero);
        assertTrue(console, console.contains("Command not found: registre:demande-fiche"));
        assertEquals(0, compter("select count(*) from audit where acteur = 'agent.g5901'"));

        // an observer sees no nominative resource at all
        for (String chemin : List.of("/api/v1/demandes/" + numero, "/api/v1/demandes?nom=territoire",
                "/api/v1/demandes/" + numero + "/historique", "/api/v1/demandes/" + numero + "/attestation")) {
            assertEquals(chemin, 403, getEnTantQue("observatoire", chemin).statusCode());
        }

        // a landlord of the 44 reads and declares an attribution, but does not modify
        HttpResponse<String> lu = getEnTantQue("bailleur.nmh", "/api/v1/demandes/" + numero);
        assertEquals(200, lu.statusCode());
        assertEquals(403, envoyerEnTantQue("bailleur.nmh", "POST", "/api/v1/demandes/" + numero + "/renouvellement",
                "\"0\"", null).statusCode());
        HttpResponse<String> attribuee = envoyerEnTantQue("bailleur.nmh", "POST", "/api/v1/demandes/" + numero
                + "/radiation", "\"0\"", "{\"motif\":\"ATTRIBUTION\",\"attribution\":{\"bailleur\":\"NMH\","
                + "\"identifiantRpls\":\"4410900012345\",\"reservataire\":\"ETAT\",\"dalo\":false}}");
        assertEquals(attribuee.body(), 200, attribuee.statusCode());

        assertEquals("the read, with who, organisation, channel and territory", 1, compter("select count(*) from audit"
                + " where operation = 'CONSULTATION' and acteur = 'bailleur.nmh' and organisation = 'NMH'"
                + " and canal = 'REST' and numero_unique = '" + numero + "' and territoire = '044'"));
        assertEquals("the change, with the organisation of its author", 1, compter("select count(*) from audit"
                + " where operation = 'RADIATION' and acteur = 'bailleur.nmh' and organisation = 'NMH'"
                + " and numero_unique = '" + numero + "'"));
    }

    @Test
    public void aGestionnaireManagesAccessThroughRestAndConsoleAndEverythingIsInTheAuditTrail() throws Exception {
        HttpResponse<String> organisation = post("/api/v1/acces/organisations", "application/json",
                "{\"code\":\"MAIRIE-REZE\",\"type\":\"GUICHET\",\"nom\":\"Mairie de Rezé\",\"guichet\":\"G4402\","
                        + "\"territoires\":[\"044\"],\"adresse\":\"Place Jean-Baptiste Daviais, 44400 Rezé\","
                        + "\"horaires\":\"lundi-vendredi 8h30-12h30, 13h30-17h\"}");
        assertEquals(organisation.body(), 201, organisation.statusCode());
        // the public directory: no authentication, the guichets of the commune's département
        HttpResponse<String> annuaire = getEnTantQue(null, "/api/v1/guichets?commune=44143");
        assertEquals(annuaire.body(), 200, annuaire.statusCode());
        assertTrue(annuaire.body(), annuaire.body().contains("\"guichet\":\"G4402\",\"organisation\":\"MAIRIE-REZE\""));
        assertTrue(annuaire.body(), annuaire.body().contains("Place Jean-Baptiste Daviais, 44400 Rezé"));
        assertFalse(annuaire.body(), annuaire.body().contains("G5901"));
        assertEquals(400, getEnTantQue(null, "/api/v1/guichets?commune=441").statusCode());
        assertEquals(403, post("/api/v1/acces/organisations", "application/json", "{\"code\":\"MAIRIE-ROUBAIX\","
                + "\"type\":\"GUICHET\",\"nom\":\"Roubaix\",\"territoires\":[\"059\"]}").statusCode());
        HttpResponse<String> invalide = post("/api/v1/acces/utilisateurs", "application/json",
                "{\"identifiant\":\"Agent Reze\",\"organisation\":\"MAIRIE-REZE\",\"roles\":[\"chef\"]}");
        assertEquals(400, invalide.statusCode());
        assertTrue(invalide.body(), invalide.body().contains("\"champ\":\"roles[0]\""));

        HttpResponse<String> utilisateur = post("/api/v1/acces/utilisateurs", "application/json",
                "{\"identifiant\":\"agent.reze\",\"nom\":\"Agent de Rezé\",\"organisation\":\"MAIRIE-REZE\","
                        + "\"roles\":[\"guichet\"]}");
        assertEquals(utilisateur.body(), 201, utilisateur.statusCode());
        Matcher m = Pattern.compile("\"motDePasse\":\"([a-zA-Z2-9]{20})\"").matcher(utilisateur.body());
        assertTrue(utilisateur.body(), m.find());
        String motDePasse = m.group(1);
        java.net.http.HttpRequest recherche = java.net.http.HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/demandes?nom=martin")).header("Authorization", basic("agent.reze", motDePasse)).GET().build();
        assertEquals(200, http.send(recherche, HttpResponse.BodyHandlers.ofString()).statusCode());

        String sortie = executerEnTantQue(GESTIONNAIRE, "registre:utilisateur-desactiver agent.reze");
        assertTrue(sortie, sortie.contains("agent.reze") && sortie.contains("non (depuis"));
        assertEquals("refused at its next request", 401, http.send(recherche, HttpResponse.BodyHandlers.ofString())
                .statusCode());

        HttpResponse<String> audit = get("/api/v1/audit?operation=creation_utilisateur&acteur=" + GESTIONNAIRE);
        assertEquals(audit.body(), 200, audit.statusCode());
        assertTrue(audit.body(), audit.body().contains("utilisateur agent.reze (organisation MAIRIE-REZE, rôles guichet)"));
        assertFalse("no password in the audit trail", audit.body().contains(motDePasse));
        String console = executerEnTantQue(GESTIONNAIRE, "registre:audit --operation DESACTIVATION_UTILISATEUR");
        assertTrue(console, console.contains("utilisateur agent.reze"));
        assertEquals(403, getEnTantQue("observatoire", "/api/v1/audit").statusCode());
        assertEquals(403, getEnTantQue("agent.g1104", "/api/v1/acces/organisations").statusCode());

        // an EPCI territory: its organisation sees the demands wishing one of its communes, and only those
        assertEquals(200, post("/api/v1/acces/epci", "application/json", "{\"code\":\"244400404\","
                + "\"nom\":\"Nantes Métropole\",\"communes\":[\"44109\",\"44143\"]}").statusCode());
        assertEquals(201, post("/api/v1/acces/organisations", "application/json", "{\"code\":\"BAILLEUR-NM\","
                + "\"type\":\"BAILLEUR\",\"nom\":\"Bailleur métropolitain\",\"territoires\":[\"244400404\"]}")
                .statusCode());
        HttpResponse<String> agentNm = post("/api/v1/acces/utilisateurs", "application/json",
                "{\"identifiant\":\"agent.nm\",\"organisation\":\"BAILLEUR-NM\",\"roles\":[\"bailleur\"]}");
        Matcher mp = Pattern.compile("\"motDePasse\":\"([a-zA-Z2-9]{20})\"").matcher(agentNm.body());
        assertTrue(agentNm.body(), mp.find());
        String nantes = extraire(NUMERO, post("/api/v1/demandes", "application/json", demandeJson("Metropole")).body());
        String ailleurs = extraire(NUMERO, post("/api/v1/demandes", "application/json", demandeJson("Estuaire")
                .replace("\"communes\": [\"44109\", \"44162\"]", "\"communes\": [\"44184\"]")).body());
        for (String[] cas : new String[][] {{nantes, "200"}, {ailleurs, "403"}}) {
            HttpResponse<String> lu = http.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl()
                    + "/api/v1/demandes/" + cas[0])).header("Authorization", basic("agent.nm", mp.group(1))).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(cas[0] + " " + lu.body(), Integer.parseInt(cas[1]), lu.statusCode());
        }
    }

    @Test
    public void hardenedInputsAreRefusedWithTheirStatusAndNothingIsWritten() throws Exception {
        long demandes = compter("select count(*) from demande");
        // REST: a body above the limit, announced by Content-Length or sent in chunks
        String enorme = demandeJson("Volumineux").replace("\"Nantes\"", "\"" + "N".repeat(1_200_000) + "\"");
        HttpResponse<String> annonce = post("/api/v1/demandes", "application/json", enorme);
        assertEquals(annonce.body(), 413, annonce.statusCode());
        assertTrue(annonce.body(), annonce.body().contains("\"code\":\"REQUETE_TROP_VOLUMINEUSE\""));
        // in chunks (no Content-Length), made of blanks that the JSON parser reads through: the count stops it
        String blancs = demandeJson("Volumineux").replaceFirst("\\{", "{" + " ".repeat(1_200_000));
        HttpResponse<String> morceaux = http.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/demandes")).header("Content-Type", "application/json")
                .header("Authorization", basic(GESTIONNAIRE, MOT_DE_PASSE))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        blancs.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(morceaux.body(), 413, morceaux.statusCode());
        // REST: a wrong type and an unknown value name their field
        HttpResponse<String> type = post("/api/v1/demandes", "application/json",
                demandeJson("Type").replace("\"loyerMax\": 700", "\"loyerMax\": \"sept cents\""));
        assertEquals(400, type.statusCode());
        assertTrue(type.body(), type.body().contains("\"champ\":\"dossier.logementRecherche.loyerMax\""));

        // SOAP: DOCTYPE (external entity, expansion) refused before parsing; oversize refused
        HttpResponse<String> xxe = post("/ws/registre/v1", "text/xml; charset=UTF-8", "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
                + enveloppe("<r:consulterDemande><r:numeroUnique>&x;&b;</r:numeroUnique></r:consulterDemande>"));
        assertEquals(xxe.body(), 400, xxe.statusCode());
        assertTrue(xxe.body(), xxe.body().contains("<code>XML_INTERDIT</code>"));
        assertTrue(xxe.body(), xxe.body().contains("<faultcode>soap:Client</faultcode>"));
        assertFalse(xxe.body(), xxe.body().contains("root:"));
        // the same in UTF-16: refused by the parser-level check too, with the same fault
        byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]>" + enveloppe("<r:consulterDemande><r:numeroUnique>&x;</r:numeroUnique>"
                + "</r:consulterDemande>")).getBytes(StandardCharsets.UTF_16);
        HttpResponse<String> xxe16 = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                + "/ws/registre/v1")).timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=UTF-16")
                .header("Authorization", basic(GESTIONNAIRE, MOT_DE_PASSE))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(utf16)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_16)); // CXF answers in the request's encoding
        assertEquals(xxe16.body(), 400, xxe16.statusCode());
        assertTrue(xxe16.body(), xxe16.body().contains("<code>XML_INTERDIT</code>"));
        HttpResponse<String> gros = post("/ws/registre/v1", "text/xml; charset=UTF-8",
                soapEnregistrer("Volumineux", "1975-02-28", "44109", "T2").replace("<r:nom>Volumineux</r:nom>",
                        "<r:nom>" + "V".repeat(1_200_000) + "</r:nom>"));
        assertEquals(413, gros.statusCode());
        assertTrue(gros.body(), gros.body().contains("<code>REQUETE_TROP_VOLUMINEUSE</code>"));
        assertEquals("nothing written", demandes, compter("select count(*) from demande"));
    }

    @Test
    public void neitherNirNorPasswordsReachTheLog() throws Exception {
        String nir = "290044410912390"; // wrong key: refused, reported to the caller only
        HttpResponse<String> refuse = post("/api/v1/demandes", "application/json",
                demandeJson("Journal").replaceFirst("\"sexe\": \"F\",", "\"sexe\": \"F\", \"nir\": \"" + nir + "\","));
        assertEquals(refuse.body(), 400, refuse.statusCode());
        assertTrue(refuse.body(), refuse.body().contains(nir));
        String secret = "ceci-est-un-secret-" + UUID.randomUUID();
        HttpResponse<String> mauvais = http.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/demandes?nom=x")).header("Authorization", basic(GESTIONNAIRE, secret)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, mauvais.statusCode());
        Path journal = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        await("the refusals are logged in " + journal).atMost(Duration.ofSeconds(10)).until(() ->
                Files.readString(journal).contains("mot de passe erroné pour « " + GESTIONNAIRE + " »"));
        String log = Files.readString(journal);
        assertFalse("NIR in the log", log.contains(nir));
        assertFalse("password in the log", log.contains(secret));
        assertFalse("test password in the log", log.contains(MOT_DE_PASSE));
    }

    @Test
    public void aDisabledUserIsRefusedAtItsNextRequest() throws Exception {
        assertEquals(200, getEnTantQue("agent.g1104", "/api/v1/demandes?nom=martin").statusCode());
        modifierBase("UPDATE utilisateur SET actif = false, desactive_le = now() WHERE identifiant = 'agent.g1104'");
        try {
            assertEquals(401, getEnTantQue("agent.g1104", "/api/v1/demandes?nom=martin").statusCode());
        } finally {
            modifierBase("UPDATE utilisateur SET actif = true, desactive_le = NULL WHERE identifiant = 'agent.g1104'");
        }
        assertEquals(200, getEnTantQue("agent.g1104", "/api/v1/demandes?nom=martin").statusCode());
    }

    private void modifierBase(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    public void theFirstStartCreatesTheAdministratorWhoLogsInThroughTheRegistreRealm() throws Exception {
        Path secret = Path.of(System.getProperty("karaf.data"), "registre", "admin.secret");
        await("admin secret written").atMost(Duration.ofSeconds(60)).until(() -> Files.exists(secret));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(secret)) {
            p.load(in);
        }
        LoginContext login = new LoginContext("registre", identifiants(p.getProperty("identifiant"),
                p.getProperty("motDePasse")));
        login.login();
        Set<String> roles = login.getSubject().getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                .collect(Collectors.toSet());
        assertTrue(roles.toString(), roles.containsAll(Set.of("admin", "ssh")));
        assertEquals(1, login.getSubject().getPrincipals(Identite.class).size());
        login.logout();
        try {
            new LoginContext("registre", identifiants(p.getProperty("identifiant"), "pas le bon")).login();
            throw new AssertionError("wrong password accepted");
        } catch (LoginException expected) {
            // refused
        }
        assertEquals(1, compter("select count(*) from utilisateur where identifiant = 'admin' and actif"
                + " and empreinte like '$2y$04$%'")); // the cost set in etc/org.registrehub.acces.cfg
    }

    private static CallbackHandler identifiants(String identifiant, String motDePasse) {
        return callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(identifiant);
                } else if (c instanceof PasswordCallback pw) {
                    pw.setPassword(motDePasse.toCharArray());
                }
            }
        };
    }

    @Test
    public void consoleShowsADemandAndTheHealth() throws Exception {
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Console"));
        String numero = extraire(NUMERO, cree.body());
        String info = executerEnTantQue(GESTIONNAIRE, "registre:demande-fiche " + numero);
        assertTrue(info, info.contains("Console"));
        assertTrue(info, info.contains(numero));
        assertTrue(info, info.contains("ACTIVE"));
        String inconnue = executerEnTantQue(GESTIONNAIRE, "registre:demande-fiche 0440101999999G1104");
        assertTrue(inconnue, inconnue.startsWith("Error executing command: Aucune demande"));
        String erreur = executerEnTantQue(GESTIONNAIRE, "registre:demande-rechercher --statut ANNULEE");
        assertTrue(erreur, erreur.contains("--statut : valeurs permises ACTIVE, RADIEE"));
        String sante = executer("registre:sante");
        assertTrue(sante, sante.contains("base-de-donnees"));
        assertTrue(sante, sante.contains("UP"));
        assertFalse(sante, sante.contains("DOWN"));
    }

    // ------------------------------------------------------------------ helpers

    private long compter(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String extraire(Pattern pattern, String texte) {
        Matcher m = pattern.matcher(texte);
        assertTrue("no numéro in " + texte, m.find());
        return m.group(1);
    }

    static String enveloppe(String corps) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:r=\"urn:registrehub:registre:v1\"><soapenv:Body>" + corps + "</soapenv:Body></soapenv:Envelope>";
    }

    static String messageErp(String messageId, String nom) {
        return "{\"messageId\":\"" + messageId + "\",\"type\":\"enregistrerDemande\",\"versionSchema\":1,"
                + "\"horodatage\":\"2026-11-23T09:30:00Z\",\"demande\":"
                + demandeJson(nom).replaceFirst("\"guichet\": \"G1104\"", "\"guichet\": \"G4401\"") + "}";
    }
}
