package org.registrehub.routes.erp.internal;

import static org.registrehub.testing.MessagesErp.bailSigne;
import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.jms.Connection;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.Session;
import javax.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.Test;
import org.registrehub.api.erp.TraitementErp;
import org.registrehub.testing.RegistreFactice;
import org.registrehub.testing.broker.BrokerDeTest;
import org.registrehub.testing.erp.ErpDeTest;
import org.registrehub.testing.RegistreServicePartiel;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The inbound route of one organisation against a real broker (embedded Artemis over AMQP, as in the hub), with the
 * register in memory: one effect per message however often it is delivered, replies, contract errors, dead letters
 * with their reason, waiting out an unavailable register, a broker restart in the middle of a flow.
 */
public class RouteEntranteErpTest extends CamelTestSupport {

    private static final String NUMERO = "0441126000001G1104";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BrokerDeTest broker;
    private GestionBroker gestion;
    private final RegistreFactice registre = new RegistreFactice();
    private CachingConnectionFactory cache;

    @Override
    protected void doPreSetup() throws Exception {
        broker = new BrokerDeTest().demarrer();
        gestion = new GestionBroker(BrokerDeTest.NOM, "registre.erp", "registre.erp.dlq");
        gestion.assurerOrganisation("NMH");
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (cache != null) {
            cache.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        cache = new CachingConnectionFactory(new JmsConnectionFactory(broker.url()));
        cache.setReconnectOnException(true);
        AMQPComponent amqp = new AMQPComponent();
        amqp.setConnectionFactory(cache);
        context.addComponent("amqp", amqp);
        return context;
    }

    @Override
    protected org.apache.camel.RoutesBuilder createRouteBuilder() {
        TraitementErp traitement = ErpDeTest.traitement(new RegistreServicePartiel() { }, registre, registre,
                registre);
        return new RouteEntranteErp("NMH", traitement, gestion, "transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=1", 3);
    }


    private void envoyer(String... corps) throws JMSException {
        // a landlord agent of NMH, its login as user-id (as the hub's broker plugin requires)
        JmsConnectionFactory agent = new JmsConnectionFactory("bailleur.nmh", "secret", broker.url());
        agent.setPopulateJMSXUserID(true);
        try (Connection c = agent.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producteur = s.createProducer(s.createQueue("registre.erp.NMH.entrant"));
            for (String x : corps) {
                producteur.send(s.createTextMessage(x));
            }
        }
    }

    /** Reads every message that arrives on a queue within the delay, or until {@code n} have come. */
    private List<Message> lire(String file, int n, Duration delai) throws JMSException {
        List<Message> lus = new ArrayList<>();
        try (Connection c = new JmsConnectionFactory(broker.url()).createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consommateur = s.createConsumer(s.createQueue(file));
            long fin = System.nanoTime() + delai.toNanos();
            while (lus.size() < n && System.nanoTime() < fin) {
                Message m = consommateur.receive(Math.max(1, (fin - System.nanoTime()) / 1_000_000));
                if (m != null) {
                    lus.add(m);
                }
            }
        }
        return lus;
    }

    private static JsonNode corps(Message m) throws Exception {
        return JSON.readTree(((TextMessage) m).getText());
    }

    @Test
    public void aMessageDeliveredTwiceHasOneEffectAndIsAnsweredTwiceTheSameWay() throws Exception {
        envoyer(bailSigne("bail-1", NUMERO), bailSigne("bail-1", NUMERO));
        List<Message> reponses = lire("registre.erp.NMH.reponses", 2, Duration.ofSeconds(20));
        assertEquals(2, reponses.size());
        assertEquals(1, registre.appels(NUMERO));
        for (Message r : reponses) {
            assertEquals("bail-1", r.getJMSCorrelationID());
            assertEquals("ACCEPTE", r.getStringProperty("registreStatut"));
            assertEquals(NUMERO, corps(r).path("numeroUnique").asText());
            assertEquals("reponseBailSigne", corps(r).path("type").asText());
        }
        assertFalse(corps(reponses.get(0)).path("dejaTraite").asBoolean());
        assertTrue(corps(reponses.get(1)).path("dejaTraite").asBoolean());
    }

    @Test
    public void theReplyIsSentInTheTransactionOfTheAcknowledgement() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean premiere = new java.util.concurrent.atomic.AtomicBoolean(true);
        org.apache.camel.builder.AdviceWith.adviceWith(context, RouteEntranteErp.routeId("NMH"), a -> a.weaveAddLast()
                .process(e -> {
                    if (premiere.getAndSet(false)) {
                        throw new IllegalStateException("panne après l'envoi de la réponse, avant l'acquittement");
                    }
                }));
        envoyer(bailSigne("bail-tx", NUMERO));
        List<Message> reponses = lire("registre.erp.NMH.reponses", 2, Duration.ofSeconds(10));
        assertEquals("the reply of the rolled-back delivery never left", 1, reponses.size());
        assertTrue("the delivery after the rollback answers from the record", corps(reponses.get(0))
                .path("dejaTraite").asBoolean());
        assertEquals(1, registre.appels(NUMERO));
    }

    @Test
    public void aMessageBreakingItsContractIsRejectedWithTheFieldAndTheRule() throws Exception {
        envoyer(bailSigne("bail-2", NUMERO).replace(",\"dalo\":false", "").replace("\"identifiantRpls\":\"44109000123\"",
                "\"identifiantRpls\":\"L-1\""));
        Message r = lire("registre.erp.NMH.reponses", 1, Duration.ofSeconds(20)).get(0);
        assertEquals("REJETE", r.getStringProperty("registreStatut"));
        Set<String> erreurs = new TreeSet<>();
        corps(r).path("erreurs").forEach(e -> erreurs.add(e.path("champ").asText() + ":" + e.path("regle").asText()));
        assertEquals(Set.of("bailSigne.dalo:required", "bailSigne.identifiantRpls:pattern"), erreurs);
        corps(r).path("erreurs").forEach(e -> assertTrue(e.path("valeurRejetee").isNull()));
        assertEquals(0, registre.appels(NUMERO));
        assertEquals("REJETE", registre.message("NMH", "bail-2").orElseThrow().statut());
    }

    @Test
    public void aPoisonMessageEndsInTheDeadLetterQueueWithItsReasonWhileTheNextOnesFlow() throws Exception {
        String poison = "0441126000002" + RegistreFactice.POISON;
        envoyer(bailSigne("poison", poison), bailSigne("suivant", NUMERO));
        Message reponse = lire("registre.erp.NMH.reponses", 1, Duration.ofSeconds(20)).get(0);
        assertEquals("the next message is answered while the poison waits for its redelivery", "suivant",
                reponse.getJMSCorrelationID());
        Message mort = lire("registre.erp.dlq", 1, Duration.ofSeconds(30)).get(0);
        assertTrue(mort.getStringProperty("registreErreur"),
                mort.getStringProperty("registreErreur").contains("défaut de programme sur " + poison));
        assertEquals("NMH", mort.getStringProperty("registreOrganisation"));
        assertEquals("poison", mort.getStringProperty("registreMessageId"));
        assertEquals("registre.erp.NMH.entrant", mort.getStringProperty("registreFile"));
        assertEquals(3, mort.getIntProperty("registreTentatives"));
        assertEquals(bailSigne("poison", poison), ((TextMessage) mort).getText());
        assertEquals(3, registre.appels(poison));
        assertTrue(lire("registre.erp.NMH.reponses", 1, Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    public void anUnavailableRegisterIsWaitedForLongerThanThePoisonLimit() throws Exception {
        String numero = "0441126000003" + RegistreFactice.PANNE;
        registre.pannes = 5; // more than the 3 deliveries a failing message gets
        envoyer(bailSigne("panne", numero));
        Message r = lire("registre.erp.NMH.reponses", 1, Duration.ofSeconds(30)).get(0);
        assertEquals("ACCEPTE", r.getStringProperty("registreStatut"));
        assertEquals(6, registre.appels(numero));
        assertTrue(lire("registre.erp.dlq", 1, Duration.ofMillis(500)).isEmpty());
    }

    @Test
    public void anUnreadableMessageGoesToTheDeadLetterQueueAtOnce() throws Exception {
        envoyer("{\"messageId\": \"x\", pas du JSON", "{\"messageId\":\"y\",\"type\":\"inconnu\"}");
        List<Message> morts = lire("registre.erp.dlq", 2, Duration.ofSeconds(20));
        assertEquals(2, morts.size());
        assertTrue(morts.get(0).getStringProperty("registreErreur"),
                morts.get(0).getStringProperty("registreErreur").startsWith("MessageIllisibleException : message JSON"
                        + " illisible (ligne 1"));
        assertNull("an unreadable messageId is not guessed", morts.get(0).getStringProperty("registreMessageId"));
        assertTrue(morts.get(1).getStringProperty("registreErreur").contains("type : valeur non autorisée « inconnu »"));
        assertEquals(1, morts.get(1).getIntProperty("registreTentatives"));
        assertTrue(lire("registre.erp.NMH.reponses", 1, Duration.ofMillis(500)).isEmpty());
    }

    @Test
    public void aBrokerRestartInTheMiddleOfAFlowLosesNothingAndAppliesEachMessageOnce() throws Exception {
        int n = 40;
        String[] messages = new String[n];
        for (int i = 0; i < n; i++) {
            messages[i] = bailSigne("flux-" + i, String.format("0441126%06dG1104", 100 + i));
        }
        envoyer(messages);
        await("5 messages processed").atMost(Duration.ofSeconds(20)).until(() -> registre.traites.size(), v -> v >= 5);
        broker.arreter();
        broker.demarrer();
        await("every message processed").atMost(Duration.ofSeconds(60)).until(() -> registre.traites.size(), v -> v == n);
        for (int i = 0; i < n; i++) {
            assertEquals("message " + i, 1, registre.appels(String.format("0441126%06dG1104", 100 + i)));
        }
        Set<String> repondus = new TreeSet<>();
        for (Message r : lire("registre.erp.NMH.reponses", n + 5, Duration.ofSeconds(5))) {
            assertEquals("ACCEPTE", r.getStringProperty("registreStatut"));
            repondus.add(r.getJMSCorrelationID());
        }
        assertEquals("every message answered (a reply sent before the stop may be sent twice)", n, repondus.size());
    }

    @Test
    public void aDeadLetterIsReplayedOnceTheCauseIsFixed() throws Exception {
        String poison = "0441126000004" + RegistreFactice.POISON;
        envoyer(bailSigne("a-rejouer", poison));
        await("one dead letter").atMost(Duration.ofSeconds(30)).until(() -> gestion.compterLettresMortes(""), v -> v == 1);
        OrganisationsErp supervision = new OrganisationsErp(null, gestion, code -> null);
        var lettres = supervision.lettresMortes(10);
        assertEquals(1, lettres.size());
        assertEquals("NMH", lettres.get(0).organisation());
        assertEquals("a-rejouer", lettres.get(0).messageId());
        assertEquals("registre.erp.NMH.entrant", lettres.get(0).file());
        assertNotNull(lettres.get(0).horodatage());

        registre.poisonGueri = true;
        assertTrue(supervision.rejouer(lettres.get(0).id()));
        Message r = lire("registre.erp.NMH.reponses", 1, Duration.ofSeconds(20)).get(0);
        assertEquals("a-rejouer", r.getJMSCorrelationID());
        assertEquals("ACCEPTE", r.getStringProperty("registreStatut"));
        assertEquals(0, gestion.compterLettresMortes(""));
        assertFalse("already replayed", supervision.rejouer(lettres.get(0).id()));
    }
}
