package org.registrehub.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jms.Connection;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.Session;
import javax.jms.TextMessage;

import org.junit.Before;
import org.junit.Test;

/**
 * The landlords' ERP channel on the distribution: each organisation's own queues and credentials, every message type,
 * one effect per message, events to the landlords of the demand's territory only, dead letters seen and replayed from
 * the console.
 */
public class ErpIT extends HubTestSupport {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9AB]{13}(G[0-9]{4}|GDPUB))\"");

    @Before
    public void hubPret() throws Exception {
        attendreHubPret(Duration.ofSeconds(120));
        comptes();
        attendreFilesErp("HABITAT44", "NMH", "LMH", "MAIRIE-NANTES", "MAIRIE-LILLE");
    }

    private static String numero(String texte) {
        Matcher m = NUMERO.matcher(texte);
        assertTrue("no numéro in " + texte, m.find());
        return m.group(1);
    }

    private String nouvelleDemande(String nom) throws Exception {
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson(nom));
        assertEquals(cree.body(), 201, cree.statusCode());
        return numero(cree.body());
    }

    /** Every event of this demand on a queue, read (and so removed) within the delay. */
    private static List<Message> evenementsDe(String compte, String organisation, String numero, int attendus,
                                              Duration delai) throws Exception {
        List<Message> lus = new ArrayList<>();
        try (Connection c = broker(compte, MOT_DE_PASSE).createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consommateur = s.createConsumer(s.createQueue("registre.erp." + organisation
                    + ".evenements"), "registreNumeroUnique = '" + numero + "'");
            long fin = System.nanoTime() + delai.toNanos();
            while (lus.size() < attendus && System.nanoTime() < fin) {
                Message m = consommateur.receive(Math.max(1, (fin - System.nanoTime()) / 1_000_000));
                if (m != null) {
                    lus.add(m);
                }
            }
        }
        return lus;
    }

    @Test
    public void aRegistrationThroughItsOwnQueueActsAsItsSender() throws Exception {
        String messageId = "it-" + UUID.randomUUID();
        TextMessage reponse = envoyerErp("erp.habitat44", "HABITAT44", messageId, HubIT.messageErp(messageId,
                "Bernard"));
        assertNotNull("no reply from the hub", reponse);
        assertEquals("ACCEPTE", reponse.getStringProperty("registreStatut"));
        assertTrue(reponse.getText(), reponse.getText().contains("\"type\":\"reponseEnregistrerDemande\""));
        String numero = numero(reponse.getText());
        assertTrue(numero, numero.endsWith("G4401"));
        assertEquals("the sender is the author", 1, compterEnDirect("select count(*) from"
                + " demande_historique where numero_unique = '" + numero + "' and acteur = 'erp.habitat44'"
                + " and canal = 'ERP'"));
        assertEquals(1, compterEnDirect("select count(*) from audit where numero_unique = '" + numero + "'"
                + " and operation = 'ENREGISTREMENT' and organisation = 'HABITAT44' and acteur = 'erp.habitat44'"));
        assertEquals(1, compterEnDirect("select count(*) from message_erp where organisation = 'HABITAT44'"
                + " and message_id = '" + messageId + "' and statut = 'ACCEPTE' and numero_unique = '" + numero + "'"));
    }

    @Test
    public void aColleagueWithOnlyTheBailleurRoleCannotRegisterThroughTheQueue() throws Exception {
        // HABITAT44 has a guichet code: before, any of its accounts registered with the organisation's rights
        String messageId = "it-" + UUID.randomUUID();
        TextMessage reponse = envoyerErp("bailleur.habitat44", "HABITAT44", messageId, HubIT.messageErp(messageId,
                "Lefebvre"));
        assertNotNull("no reply from the hub", reponse);
        assertEquals(reponse.getText(), "REJETE", reponse.getStringProperty("registreStatut"));
        assertTrue(reponse.getText(), reponse.getText().contains("\"regle\":\"acces\""));
        assertEquals(0, compterEnDirect("select count(*) from demande where nom = 'Lefebvre'"));

        // a message in a colleague's name, or without a name, never enters the queue
        try (Connection c = broker("bailleur.habitat44", MOT_DE_PASSE).createConnection()) {
            javax.jms.Session s = c.createSession(false, javax.jms.Session.AUTO_ACKNOWLEDGE);
            javax.jms.TextMessage m = s.createTextMessage(HubIT.messageErp("it-" + UUID.randomUUID(), "Lefebvre"));
            try (Connection sansNom = new org.apache.qpid.jms.JmsConnectionFactory("bailleur.habitat44", MOT_DE_PASSE,
                    "amqp://127.0.0.1:" + System.getProperty(BROKER_PORT)).createConnection()) {
                sansNom.createSession(false, javax.jms.Session.AUTO_ACKNOWLEDGE).createProducer(
                        s.createQueue("registre.erp.HABITAT44.entrant")).send(m);
                throw new AssertionError("a message without user-id entered HABITAT44's queue");
            } catch (javax.jms.JMSException attendu) {
                assertTrue(attendu.getMessage(), attendu.getMessage().contains("user-id (JMSXUserID) absent"));
            }
        }
    }

    @Test
    public void theBrokerAdministratorReadsNeitherTheDeadLettersNorTheEvents() throws Exception {
        String[] admin = administrateur();
        try (Connection connection = broker(admin[0], admin[1]).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<String> lus = new ArrayList<>();
            for (String file : List.of("registre.erp.dlq", "registre.erp.NMH.evenements", "registre.erp.NMH.entrant",
                    "DLQ", "ExpiryQueue")) {
                try {
                    session.createConsumer(session.createQueue(file)).close();
                    lus.add(file);
                } catch (JMSException refus) {
                    // every territory's demands: read through the hub's audited commands only
                }
                try {
                    session.createBrowser(session.createQueue(file)).getEnumeration().hasMoreElements();
                    lus.add(file + " (browse)");
                } catch (JMSException refus) {
                    // no browsing either
                }
            }
            try {
                session.createConsumer(session.createTopic("registre.evenements")).close();
                lus.add("registre.evenements");
            } catch (JMSException refus) {
                // the hub only
            }
            assertEquals("what the broker administrator could read", List.of(), lus);
        }
    }

    @Test
    public void eachOrganisationUsesOnlyItsOwnQueues() throws Exception {
        try (Connection connection = broker("erp.habitat44", MOT_DE_PASSE).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String autre : List.of("registre.erp.NMH.evenements", "registre.erp.NMH.reponses",
                    "registre.erp.dlq", "registre.erp.HABITAT44.entrant")) {
                try {
                    session.createConsumer(session.createQueue(autre)).close();
                    throw new AssertionError("HABITAT44 consumed " + autre);
                } catch (JMSException refus) {
                    assertTrue(String.valueOf(refus.getMessage()), String.valueOf(refus.getMessage())
                            .matches("(?s).*(not authorized|does not have permission|unauthorized).*"));
                }
            }
            try {
                session.createConsumer(session.createTopic("registre.evenements")).close();
                throw new AssertionError("a landlord subscribed to every event");
            } catch (JMSException refus) {
                // every territory's demands: the hub only
            }
            try {
                session.createProducer(session.createQueue("registre.erp.NMH.entrant"))
                        .send(session.createTextMessage("{}"));
                throw new AssertionError("HABITAT44 sent on NMH's queue");
            } catch (JMSException refus) {
                // only NMH's accounts may send there
            }
        }
        for (String[] refuse : new String[][] {{"erp.habitat44", "pas le bon"}, {"karaf", "karaf"},
            {"observatoire", MOT_DE_PASSE}, {GESTIONNAIRE, MOT_DE_PASSE}}) {
            try (Connection c = broker(refuse[0], refuse[1]).createConnection()) {
                c.start();
                Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("registre.erp.HABITAT44.entrant"))
                        .send(session.createTextMessage("{}"));
                throw new AssertionError(refuse[0] + " sent on HABITAT44's queue");
            } catch (javax.jms.JMSSecurityException expected) {
                // unknown login, wrong password, or an account of another organisation
            }
        }
    }

    @Test
    public void aSignedLeaseDeliveredTwiceRadiatesOnceAndTheLandlordsOfTheTerritoryGetTheEvents() throws Exception {
        String numero = nouvelleDemande("Bailsigne");
        String messageId = "bail-" + UUID.randomUUID();
        TextMessage premiere = envoyerErp("bailleur.nmh", "NMH", messageId, bailSigne(messageId, numero));
        TextMessage seconde = envoyerErp("bailleur.nmh", "NMH", messageId, bailSigne(messageId, numero));
        for (TextMessage r : List.of(premiere, seconde)) {
            assertNotNull(r);
            assertEquals(r.getText(), "ACCEPTE", r.getStringProperty("registreStatut"));
            assertTrue(r.getText(), r.getText().contains("\"numeroUnique\":\"" + numero + "\""));
        }
        assertTrue(premiere.getText().contains("\"dejaTraite\":false"));
        assertTrue(seconde.getText().contains("\"dejaTraite\":true"));

        HttpResponse<String> lue = get("/api/v1/demandes/" + numero);
        assertTrue(lue.body(), lue.body().contains("\"statut\":\"RADIEE\""));
        assertTrue(lue.body(), lue.body().contains("\"motif\":\"ATTRIBUTION\""));
        assertTrue(lue.body(), lue.body().contains("\"bailleur\":\"NMH\""));
        assertEquals("one effect", 1, compterEnDirect("select count(*) from demande_historique where numero_unique = '"
                + numero + "' and operation = 'RADIATION' and acteur = 'bailleur.nmh'"));

        // NMH and HABITAT44 work on the 44: each gets the registration and the radiation on its own queue
        for (String[] bailleur : new String[][] {{"bailleur.nmh", "NMH"}, {"erp.habitat44", "HABITAT44"}}) {
            List<Message> evenements = evenementsDe(bailleur[0], bailleur[1], numero, 2, Duration.ofSeconds(60));
            assertEquals(bailleur[1], List.of("demandeEnregistree", "demandeRadiee"), List.of(
                    evenements.get(0).getStringProperty("registreType"),
                    evenements.get(1).getStringProperty("registreType")));
            assertTrue(((TextMessage) evenements.get(1)).getText().contains("\"numeroUnique\":\"" + numero + "\""));
        }
        // LMH works on the 59: nothing of a demand of the 44
        assertTrue(evenementsDe("bailleur.lmh", "LMH", numero, 1, Duration.ofSeconds(3)).isEmpty());
        assertEquals("each handing over is audited", 2, compterEnDirect("select count(*) from audit where numero_unique = '"
                + numero + "' and operation = 'DIFFUSION' and details like '%HABITAT44, NMH'"));
    }

    @Test
    public void propositionsCalDecisionsAndRenunciationsAreFollowedUp() throws Exception {
        String a = nouvelleDemande("Propose");
        String b = nouvelleDemande("Candidate");
        String proposition = exemple("exemples/erp/proposition.json").replace("0441126000001G1104", a)
                .replace("0441126000002G1104", b).replace("nmh-2026-000448", "p-" + UUID.randomUUID());
        String decision = exemple("exemples/erp/decision-cal-irrecevabilite.json").replace("0441126000002G1104", b)
                .replace("nmh-2026-000450", "d-" + UUID.randomUUID());
        String renonciation = exemple("exemples/erp/renonciation.json").replace("0441126000002G1104", b)
                .replace("nmh-2026-000452", "r-" + UUID.randomUUID());
        for (String message : List.of(proposition, decision, renonciation)) {
            String id = message.replaceAll("(?s).*\"messageId\": \"([^\"]+)\".*", "$1");
            TextMessage r = envoyerErp("bailleur.nmh", "NMH", id, message);
            assertNotNull(r);
            assertEquals(r.getText(), "ACCEPTE", r.getStringProperty("registreStatut"));
        }
        assertEquals(1, compterEnDirect("select count(*) from suivi_attribution where numero_unique = '" + a + "'"
                + " and nature = 'PROPOSITION' and rang = 1 and bailleur = 'NMH'"));
        assertEquals(List.of("PROPOSITION", "DECISION_CAL", "RENONCIATION"), List.of(
                texteEnDirect("select nature from suivi_attribution where numero_unique = '" + b + "' order by id").split(",")));
        assertTrue("the demand stays active", get("/api/v1/demandes/" + b).body().contains("\"statut\":\"ACTIVE\""));
        HttpResponse<String> suivi = get("/api/v1/demandes/" + b + "/suivi");
        assertEquals(suivi.body(), 200, suivi.statusCode());
        assertTrue(suivi.body(), suivi.body().matches("(?s)\\[\\{.*\"nature\":\"PROPOSITION\".*\"nature\":\"DECISION_CAL\","
                + ".*\"motifIrrecevabilite\":\"RESSOURCES_SUPERIEURES_PLAFOND\".*\"nature\":\"RENONCIATION\".*"));
        assertEquals("a landlord of the 59 may not read it", 403, getEnTantQue("bailleur.lmh", "/api/v1/demandes/" + b
                + "/suivi").statusCode());

        // a message that breaks its contract: rejected with the field and the rule, nothing written
        String id = "d-" + UUID.randomUUID();
        TextMessage rejet = envoyerErp("bailleur.nmh", "NMH", id, decision.replaceAll("\"messageId\": \"[^\"]+\"",
                "\"messageId\": \"" + id + "\"").replace("\"motifIrrecevabilite\": \"RESSOURCES_SUPERIEURES_PLAFOND\",", ""));
        assertEquals("REJETE", rejet.getStringProperty("registreStatut"));
        assertTrue(rejet.getText(), rejet.getText().contains("\"champ\":\"decisionCal.motifIrrecevabilite\""));
        // and a landlord of another territory is refused the demand
        String autre = "p-" + UUID.randomUUID();
        TextMessage refus = envoyerErp("bailleur.lmh", "LMH", autre, proposition.replaceAll(
                "\"messageId\": \"[^\"]+\"", "\"messageId\": \"" + autre + "\""));
        assertEquals("REJETE", refus.getStringProperty("registreStatut"));
        assertTrue(refus.getText(), refus.getText().contains("\"regle\":\"acces\""));
        assertEquals(3, compterEnDirect("select count(*) from suivi_attribution where numero_unique = '" + b + "'"));
    }

    @Test
    public void deadLettersAreListedAndReplayedFromTheConsole() throws Exception {
        String marqueur = "illisible-" + UUID.randomUUID();
        try (Connection c = broker("erp.habitat44", MOT_DE_PASSE).createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue("registre.erp.HABITAT44.entrant"))
                    .send(s.createTextMessage("{\"" + marqueur + "\": "));
        }
        String[] admin = administrateur();
        String etat = await("dead letter listed").atMost(Duration.ofSeconds(60)).until(() -> executerEnTantQue(
                admin[0], admin[1], "registre:erp-etat --lettres-mortes 50"), t -> t.contains("MessageIllisible"));
        assertTrue(etat, etat.matches("(?s).*NMH\\s+\\|\\s+active.*"));
        Matcher ligne = Pattern.compile("(?m)^\\s*(\\d+)\\s+\\|\\s+HABITAT44\\s+\\|\\s+-\\s+\\|.*registre\\.erp\\.HABITAT44"
                + "\\.entrant.*MessageIllisibleException : message JSON illisible").matcher(etat);
        assertTrue(etat, ligne.find());
        long id = Long.parseLong(ligne.group(1));
        assertFalse("the reason never carries the content", etat.contains(marqueur));

        String gestionnaire = executerEnTantQue(GESTIONNAIRE, MOT_DE_PASSE, "registre:erp-etat");
        assertTrue("a gestionnaire sees its territory's organisations", gestionnaire.contains("NMH"));
        assertFalse("and no other", gestionnaire.contains("LMH") || gestionnaire.contains("MAIRIE-LILLE"));
        assertTrue(executerEnTantQue(GESTIONNAIRE, MOT_DE_PASSE, "registre:erp-etat -d 5").contains("Accès refusé"));
        String refus = executerEnTantQue(GESTIONNAIRE, MOT_DE_PASSE, "registre:erp-rejouer " + id);
        assertTrue("the console's ACL keeps it from gestionnaires: " + refus,
                refus.contains("Command not found: registre:erp-rejouer"));
        String rejoue = executerEnTantQue(admin[0], admin[1], "registre:erp-rejouer " + id);
        assertTrue(rejoue, rejoue.contains("Lettre morte " + id + " renvoyée dans sa file d'origine"));
        // still unreadable: processed again, and dead-lettered again with its reason
        await("dead-lettered again").atMost(Duration.ofSeconds(60)).until(() -> executerEnTantQue(admin[0], admin[1],
                "registre:erp-etat -d 50"), t -> t.matches("(?s).*\\n\\s*\\d+\\s+\\|\\s+HABITAT44.*")
                && !t.matches("(?s).*\\n\\s*" + id + "\\s+\\|.*"));
        String inconnu = executerEnTantQue(admin[0], admin[1], "registre:erp-rejouer 999999999");
        assertTrue(inconnu, inconnu.contains("Aucune lettre morte d'id 999999999"));
        assertNull(envoyerSansReponse());
    }

    /** Nothing ever answers an unreadable message (no correlation id to answer with). */
    private static Message envoyerSansReponse() throws Exception {
        try (Connection c = broker("erp.habitat44", MOT_DE_PASSE).createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return s.createConsumer(s.createQueue("registre.erp.HABITAT44.reponses"), "JMSCorrelationID IS NULL")
                    .receive(2_000);
        }
    }
}
