package org.registrehub.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * What an administrator does from the Karaf console on a running hub: uninstall and reinstall the SOAP feature, update
 * bundles (REST is called without pause from another thread the whole time and must answer every single call);
 * uninstall and reinstall capabilities, whose channel pieces follow them.
 */
public class HotDeployIT extends HubTestSupport {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([^\"]+)\"");
    /** A table of the Infocentre that the observatory's account reads. */
    private static final String QUALITE = "/api/v1/statistiques/qualite";
    private static final String CONSOLE_STATISTIQUES = "org.registrehub.registre-console-statistiques";

    @Before
    public void hubPret() throws Exception {
        attendreHubPret(Duration.ofSeconds(120));
        comptes();
        await("SOAP published (WSDL served)").atMost(Duration.ofSeconds(60))
                .until(this::wsdl, w -> w.equals("200 WSDL du registre"));
    }

    @Test
    public void soapFeatureAndBundlesAreReplacedWhileRestKeepsAnswering() throws Exception {
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Continu"));
        assertEquals(201, cree.statusCode());
        Matcher m = NUMERO.matcher(cree.body());
        assertTrue(m.find());
        String chemin = "/api/v1/demandes/" + m.group(1);

        AppelsContinus client = new AppelsContinus("rest-client-pendant-le-deploiement", i -> i % 2 == 0
                ? get(chemin) : post("/api/v1/demandes", "application/json", demandeJson("Pendant")));
        try {
            String sortie = executer("feature:uninstall registre-soap");
            System.out.println("ITEST feature:uninstall -> " + sortie);
            await("SOAP gone (no WSDL)").atMost(Duration.ofSeconds(60))
                    .until(this::wsdl, w -> !w.equals("200 WSDL du registre"));
            assertFalse(featuresService.isInstalled(featuresService.getFeature("registre-soap")));
            assertTrue(List.of(bundleContext.getBundles()).stream()
                    .noneMatch(b -> "org.registrehub.registre-ws-soap".equals(b.getSymbolicName())));

            executer("feature:install registre-soap");
            await("SOAP back (a registration answered)").atMost(Duration.ofSeconds(60))
                    .until(this::enregistrementSoap, r -> r.equals("200 numéro unique attribué"));
            assertTrue(featuresService.isInstalled(featuresService.getFeature("registre-soap")));

            Bundle soap = bundle("org.registrehub.registre-ws-soap");
            long modifie = soap.getLastModified();
            System.out.println("ITEST bundle:update -> " + executer("bundle:update " + soap.getBundleId()));
            await("SOAP bundle updated").atMost(Duration.ofSeconds(60))
                    .until(() -> bundle("org.registrehub.registre-ws-soap").getLastModified(), t -> t > modifie);
            await("SOAP back after update (a registration answered)").atMost(Duration.ofSeconds(60))
                    .until(this::enregistrementSoap, r -> r.equals("200 numéro unique attribué"));

            Bundle console = bundle("org.registrehub.registre-console");
            executer("bundle:update " + console.getBundleId());
            await("console back after update (registre:sante lists the database)").atMost(Duration.ofSeconds(60))
                    .until(() -> executer("registre:sante"), h -> h.contains("base-de-donnees"));
        } finally {
            client.close();
        }
        System.out.println("ITEST REST calls during the hot deployment: " + client.appels() + ", failures: "
                + client.echecs().size());
        assertTrue("REST must have been exercised during the scenario", client.appels() > 20);
        assertTrue("REST failed during the hot deployment: " + client.echecs(), client.echecs().isEmpty());

        // the security bundle updated in place: logins, the broker and the routes' internal account keep working
        Bundle securite = bundle("org.registrehub.registre-acces");
        long avant = securite.getLastModified();
        Object registreAvant = bundleContext.getServiceReference(org.registrehub.api.RegistreService.class)
                .getProperty(org.osgi.framework.Constants.SERVICE_ID);
        executer("bundle:update " + securite.getBundleId());
        await("security bundle updated").atMost(Duration.ofSeconds(60))
                .until(() -> bundle("org.registrehub.registre-acces").getLastModified(), t -> t > avant);
        // the access capability (its audit store included) restarted, the register did not: same service
        assertEquals("the register was withdrawn by the security update", registreAvant,
                bundleContext.getServiceReference(org.registrehub.api.RegistreService.class)
                        .getProperty(org.osgi.framework.Constants.SERVICE_ID));
        // once the health says UP again, every channel serves at the first call: no retry loop here
        attendreHubPret(Duration.ofSeconds(60));
        HttpResponse<String> recherche = get("/api/v1/demandes?nom=continu");
        assertEquals(recherche.body(), 200, recherche.statusCode());
        HttpResponse<String> acces = get("/api/v1/acces/organisations");
        System.out.println("ITEST access management after the security update: " + acces.statusCode() + " "
                + acces.body().substring(0, Math.min(200, acces.body().length())));
        String messageId = "hot-" + java.util.UUID.randomUUID();
        attendreFilesErp("HABITAT44");
        javax.jms.Message reponse = envoyerErp("erp.habitat44", "HABITAT44", messageId,
                HubIT.messageErp(messageId, "Apresmaj"));
        assertTrue("no reply after the security bundle update", reponse != null);
        assertEquals("ACCEPTE", reponse.getStringProperty("registreStatut"));
    }

    /**
     * A capability's channel pieces come and go with it: the registre-rest feature's {@code <conditional>} installs
     * the statistics' own REST bundle with the statistics and removes it with them (the same for the attribution's
     * dwellings); meanwhile /api/v1 answers 503 at once, naming the feature to install, and so does the attestation
     * (REST and SOAP) without its feature.
     */
    private static final String REST_ATTRIBUTION = "org.registrehub.registre-rest-attribution";
    private static final String CONSOLE_ATTRIBUTION = "org.registrehub.registre-console-attribution";

    @Test
    public void capabilityResourcesComeAndGoWithTheirFeature() throws Exception {
        String conditionnel = "org.registrehub.registre-rest-statistiques";
        assertEquals(Bundle.ACTIVE, bundle(conditionnel).getState());
        assertEquals(Bundle.ACTIVE, bundle("org.registrehub.registre-rest-campagne-renouvellement").getState());
        assertEquals(Bundle.ACTIVE, bundle(CONSOLE_STATISTIQUES).getState());
        await("statistics served").atMost(Duration.ofSeconds(60))
                .until(() -> getEnTantQue("observatoire", QUALITE).statusCode(), s -> s == 200);
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Attestee"));
        assertEquals(201, cree.statusCode());
        Matcher m = NUMERO.matcher(cree.body());
        assertTrue(m.find());
        String attestation = "/api/v1/demandes/" + m.group(1) + "/attestation";
        assertEquals(200, get(attestation).statusCode());
        try {
            System.out.println("ITEST feature:uninstall -> " + executer(
                    "feature:uninstall registre-statistiques registre-attestation registre-attribution"));
            for (String piece : List.of(conditionnel, CONSOLE_STATISTIQUES, REST_ATTRIBUTION, CONSOLE_ATTRIBUTION)) {
                assertTrue(piece + " stayed without its capability", List.of(bundleContext.getBundles()).stream()
                        .noneMatch(b -> piece.equals(b.getSymbolicName())));
            }
            String absente = executerEnTantQue(GESTIONNAIRE, "registre:statistiques");
            assertTrue(absente, absente.contains("not found"));
            HttpResponse<String> sansInfocentre = getEnTantQue("observatoire", QUALITE);
            assertEquals(sansInfocentre.body(), 503, sansInfocentre.statusCode());
            assertTrue(sansInfocentre.body(), sansInfocentre.body().contains("feature:install registre-statistiques"));
            HttpResponse<String> sansLogements = getEnTantQue("bailleur.nmh", "/api/v1/logements");
            assertEquals(sansLogements.body(), 503, sansLogements.statusCode());
            assertTrue(sansLogements.body(), sansLogements.body().contains("feature:install registre-attribution"));
            String sansCommande = executerEnTantQue(GESTIONNAIRE, "registre:logement-lister");
            assertTrue(sansCommande, sansCommande.contains("not found"));
            HttpResponse<String> sansPdf = get(attestation);
            assertEquals(sansPdf.body(), 503, sansPdf.statusCode());
            assertTrue(sansPdf.body(), sansPdf.body().contains("feature:install registre-attestation"));
            String soap = post("/ws/registre/v1", "text/xml; charset=UTF-8", exemple("soap/attestation-demande.xml")
                    .replaceFirst("<r:numeroUnique>[^<]*</r:numeroUnique>",
                            "<r:numeroUnique>" + m.group(1) + "</r:numeroUnique>")).body();
            assertTrue(soap, soap.contains("<code>REGISTRE_INDISPONIBLE</code>")
                    && soap.contains("feature:install registre-attestation"));
        } finally {
            executer("feature:install registre-statistiques registre-attestation registre-attribution");
        }
        assertEquals(Bundle.ACTIVE, bundle(REST_ATTRIBUTION).getState());
        await("dwellings served again").atMost(Duration.ofSeconds(60))
                .until(() -> getEnTantQue("bailleur.nmh", "/api/v1/logements").statusCode(), s -> s == 200);
        assertEquals(Bundle.ACTIVE, bundle(conditionnel).getState());
        assertEquals(Bundle.ACTIVE, bundle(CONSOLE_STATISTIQUES).getState());
        await("the statistics command back").atMost(Duration.ofSeconds(60))
                .until(() -> executerEnTantQue(GESTIONNAIRE, "registre:statistiques"), t -> t.contains("Stock"));
        await("statistics served again").atMost(Duration.ofSeconds(60))
                .until(() -> getEnTantQue("observatoire", QUALITE).statusCode(), s -> s == 200);
        await("attestation served again").atMost(Duration.ofSeconds(60))
                .until(() -> get(attestation).statusCode(), s -> s == 200);
    }

    /** What the WSDL address answers now, in short (for the waits' time-out messages). */
    private String wsdl() {
        try {
            HttpResponse<String> wsdl = get("/ws/registre/v1?wsdl");
            return wsdl.statusCode() + (wsdl.body().contains("enregistrerDemande") ? " WSDL du registre"
                    : " " + abrege(wsdl.body()));
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** What a SOAP registration answers now, in short. */
    private String enregistrementSoap() {
        try {
            HttpResponse<String> r = post("/ws/registre/v1", "text/xml; charset=UTF-8",
                    soapEnregistrer("Redeploye", "1975-02-28", "44109", "T2"));
            return r.statusCode() + (r.body().contains("<numeroUnique>") ? " numéro unique attribué"
                    : " " + abrege(r.body()));
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String abrege(String texte) {
        return texte.length() <= 300 ? texte : texte.substring(0, 300) + "…";
    }
}
