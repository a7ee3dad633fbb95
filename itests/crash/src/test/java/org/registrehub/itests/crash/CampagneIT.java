package org.registrehub.itests.crash;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * The renewal campaign in the distribution: the feature's bundle with JavaMail and PDFBox under OSGi, the console
 * commands, the email notices received by a real SMTP server, the letter batches on disk, and the applicant renewing
 * through the public page of the link (once); and the hub killed ({@code kill -9}) in the middle of a campaign, then
 * started again: the campaign resumes and no applicant gets the same notice twice.
 */
public class CampagneIT {

    private static final String MOT_DE_PASSE = "mot de passe de la campagne";
    private static final Pattern JETON = Pattern.compile("(?:renouvellement-en-ligne|portail/renouvellement)\\?jeton=([A-Za-z0-9_-]{43})");

    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    private TestDatabase db;
    private GreenMail smtp;
    private HubLance hub;

    @Before
    public void demarrer() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        db = TestDatabase.create("registre_campagne_it");
        // the campaign's hour out of the way (23:59, Paris): the test starts it from the console. Started in the last
        // twenty minutes of a day, the test could reach that hour and see the hub run the campaign itself: it waits
        // for the next day, when 23:59 is a day away
        java.time.ZonedDateTime maintenant = java.time.ZonedDateTime.now(PARIS);
        if (maintenant.toLocalTime().isAfter(java.time.LocalTime.of(23, 40))) {
            java.time.LocalDate aujourdhui = maintenant.toLocalDate();
            System.out.println("CAMPAGNE il est " + maintenant.toLocalTime() + " à Paris : attente de minuit");
            await("minuit passé à Paris").atMost(Duration.ofMinutes(21)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> java.time.LocalDate.now(PARIS).isAfter(aujourdhui));
        }
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")),
                Path.of(System.getProperty("registre.campagne.dir")), db, Map.of(
                        "REGISTRE_SMTP_HOTE", "127.0.0.1",
                        "REGISTRE_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                        // the test's SMTP server (GreenMail) speaks in clear, on the same machine
                        "REGISTRE_SMTP_STARTTLS", "false",
                        "REGISTRE_CAMPAGNE_HEURE", "23:59"));
        hub.attendreSante(Duration.ofMinutes(3));
        HubLance.creerCompte(db, "DDETS44", "ETAT", "044", "gestionnaire.44", "gestionnaire", MOT_DE_PASSE);
    }

    /**
     * The renewal notices the SMTP server received: the hub also sends each registered applicant their attestation
     * (notices to the applicant, registre-attestation), which this test does not count.
     */
    private MimeMessage[] avisRecus() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() == null || !m.getSubject().startsWith("Attestation d'enregistrement");
            } catch (javax.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    @After
    public void arreter() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (db != null) {
            db.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    public void campagneDepuisLaConsolePuisRenouvellementParLeLienUneSeuleFois() throws Exception {
        String modele = Files.readString(Path.of(System.getProperty("registre.exemples"),
                "exemples/nouvelle-demande.json"), StandardCharsets.UTF_8);
        String basic = HubLance.basic("gestionnaire.44", MOT_DE_PASSE);
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String json = i % 2 == 0 ? modele : modele.replaceFirst("\"email\": \"[^\"]*\"", "\"email\": null");
            numeros.add(hub.enregistrer(json, "Campagne", i, basic));
        }
        // their end of validity comes in ten days (as if they had been filed a year ago)
        db.count("WITH m AS (UPDATE demande SET date_validite = current_date + 10 RETURNING 1) SELECT count(*) FROM m");

        await("la campagne s'installe").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> hub.console("registre:campagne-apercu"), apercu -> apercu.contains("TOTAL"));
        String apercu = hub.console("registre:campagne-apercu");
        assertTrue(apercu, apercu.matches("(?s).*G1104\\s*\\|\\s*2\\s*\\|\\s*2\\s*\\|.*"));
        assertEquals("l'aperçu n'envoie rien", 0, avisRecus().length);

        String campagne = hub.console("registre:campagne-lancer");
        assertTrue(campagne, campagne.contains("terminée"));
        assertEquals(2, avisRecus().length);
        Path lot = hub.home.resolve("data/registre/courriers/courriers-" + java.time.LocalDate.now(
                PARIS) + "-G1104-avis.pdf");
        assertTrue("lot PDF " + lot, Files.size(lot) > 1000);
        String rapport = hub.console("registre:campagne-bilan");
        assertTrue(rapport, rapport.contains("TERMINEE") && rapport.contains("0.80"));
        String encore = hub.console("registre:campagne-lancer");
        assertTrue(encore, encore.contains("est terminée"));
        assertEquals(2, avisRecus().length);

        MimeMessage courriel = avisRecus()[0];
        Matcher m = JETON.matcher((String) courriel.getContent());
        assertTrue("lien dans le courriel", m.find());
        // the link leads to the applicant's portal, which shows the demand and renews it as it is
        assertTrue("le lien mène au portail", ((String) courriel.getContent()).contains("/portail/renouvellement?jeton="));
        HttpResponse<String> portail = hub.client.send(HttpRequest.newBuilder(URI.create(hub.base
                + "/portail/renouvellement?jeton=" + m.group(1))).build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        assertEquals(200, portail.statusCode());
        assertTrue(portail.body(), portail.body().contains("Renouveler ma demande telle quelle"));
        String page = hub.base + "/api/v1/renouvellement-en-ligne";
        HttpResponse<String> formulaire = hub.client.send(HttpRequest.newBuilder(URI.create(page + "?jeton="
                + m.group(1))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, formulaire.statusCode());
        assertTrue(formulaire.body(), formulaire.body().contains("Confirmer et renouveler ma demande"));
        String numero = numeros.stream().filter(formulaire.body()::contains).findFirst().orElseThrow();

        HttpRequest confirmer = HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jeton=" + URLEncoder.encode(m.group(1),
                        StandardCharsets.UTF_8) + "&montant0=1999.50")).build();
        HttpResponse<String> renouvelee = hub.client.send(confirmer, HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        assertEquals(renouvelee.body(), 200, renouvelee.statusCode());
        assertTrue(renouvelee.body(), renouvelee.body().contains("est renouvelée"));
        assertEquals(1, db.count("SELECT count(*) FROM demande_historique WHERE numero_unique = '" + numero
                + "' AND operation = 'RENOUVELLEMENT' AND canal = 'EN_LIGNE'"));
        assertEquals(1, db.count("SELECT count(*) FROM demande WHERE numero_unique = '" + numero
                // a year from the day in Paris, the hub's day (the database's current_date is UTC's)
                + "' AND date_validite = DATE '" + java.time.LocalDate.now(PARIS).plusYears(1) + "'"
                + " AND dossier->'ressources'->0->>'montantMensuel'"
                + " = '1999.50'"));

        HttpResponse<String> deuxieme = hub.client.send(confirmer, HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        assertEquals(410, deuxieme.statusCode());
        assertTrue(deuxieme.body(), deuxieme.body().contains("déjà servi"));

        // a guichet renews another one from the console, and opens the non-response procedure of a third
        String autre = numeros.stream().filter(n -> !n.equals(numero)).findFirst().orElseThrow();
        String renouvellement = hub.console("registre:demande-renouveler " + autre, "gestionnaire.44", MOT_DE_PASSE);
        assertTrue(renouvellement, renouvellement.contains("Demande " + autre + " renouvelée : valable jusqu'au"));
        String troisieme = numeros.stream().filter(n -> !n.equals(numero) && !n.equals(autre)).findFirst()
                .orElseThrow();
        String procedure = hub.console("registre:campagne-non-reponse " + troisieme
                + " \"justificatif de ressources\"", "gestionnaire.44", MOT_DE_PASSE);
        assertTrue(procedure, procedure.contains("Courrier recommandé"));
        String avis = hub.console("registre:campagne-avis " + troisieme, "gestionnaire.44", MOT_DE_PASSE);
        assertTrue(avis, avis.contains("NON_REPONSE") && avis.contains("A_ENVOYER"));
    }

    @Test
    public void hubTueEnPleineCampagneRedemarreLaCampagneRepriseSansAvisEnDouble() throws Exception {
        String modele = Files.readString(Path.of(System.getProperty("registre.exemples"),
                "exemples/nouvelle-demande.json"), StandardCharsets.UTF_8);
        String basic = HubLance.basic("gestionnaire.44", MOT_DE_PASSE);
        int nombre = 1200;
        for (int i = 0; i < nombre; i++) {
            hub.enregistrer(modele, "Reprise", i, basic);
        }
        db.count("WITH m AS (UPDATE demande SET date_validite = current_date + 10 RETURNING 1) SELECT count(*) FROM m");
        await("la campagne s'installe").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> hub.console("registre:campagne-apercu"), apercu -> apercu.contains("TOTAL"));

        Thread console = new Thread(() -> {
            try {
                hub.console("registre:campagne-lancer");
            } catch (Exception e) {
                // the hub is killed under the command: its session ends with it
            }
        });
        console.start();
        await("campagne commencée").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> avisRecus().length, v -> v >= 300);
        hub.tuer();
        console.join(Duration.ofMinutes(1).toMillis());
        long avant = db.count("SELECT count(*) FROM avis_renouvellement WHERE etat = 'ENVOYE'");
        System.out.println("CRASH kill -9 after " + avant + " of " + nombre + " notices recorded, "
                + avisRecus().length + " emails received");
        assertTrue("tué au milieu de la campagne", avant < nombre);
        assertEquals(1, db.count("SELECT count(*) FROM campagne_renouvellement WHERE etat = 'EN_COURS'"));

        hub.demarrer();
        hub.attendreSante(Duration.ofMinutes(3));
        await("la campagne s'installe à nouveau").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> hub.console("registre:campagne-apercu"), apercu -> apercu.contains("TOTAL"));
        String reprise = hub.console("registre:campagne-lancer");
        assertTrue(reprise, reprise.contains("Reprise de la campagne"));
        assertTrue(reprise, reprise.contains("terminée"));

        // every demand has one notice; every email that went out went out once (its Message-ID names its notice)
        assertEquals(nombre, db.count("SELECT count(DISTINCT numero_unique) FROM avis_renouvellement"));
        assertEquals(nombre, db.count("SELECT count(*) FROM avis_renouvellement"));
        long incertains = db.count("SELECT count(*) FROM avis_renouvellement WHERE etat = 'INCERTAIN'");
        // the e-mails of a group (smtp.groupe = 40, etc/org.registrehub.campagne.cfg) have their links recorded
        // together before they go out, while the group before is still going out: a kill leaves at most these two
        // groups uncertain, never sent twice
        assertTrue("au plus deux groupes d'envois interrompus : " + incertains, incertains <= 80);
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : avisRecus()) {
            ids.add(m.getMessageID());
        }
        assertEquals("aucun avis reçu deux fois", ids.size(), new java.util.HashSet<>(ids).size());
        assertEquals(nombre - incertains, db.count("SELECT count(*) FROM avis_renouvellement WHERE etat = 'ENVOYE'"));
        assertTrue(ids.size() >= nombre - incertains && ids.size() <= nombre);
    }
}
