package org.registrehub.routes.outbox.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.jms.Connection;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.Session;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.After;
import org.junit.Test;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.registre.EvenementsAPublier;
import org.registrehub.testing.broker.BrokerDeTest;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * The relay on a real Artemis broker, with the hub's broker transactions: a hub that stops after the broker committed
 * a batch and before the database marked it publishes that batch again at its restart; the broker refuses it in a
 * transaction for its duplicates, and the relay sends it again message by message: every event reaches the events
 * queue and each landlord's queue exactly once, and the outbox drains.
 */
public class RelaisSurBrokerTest extends CamelTestSupport {

    private static final String FILE = "test.evenements";
    private static final int EVENEMENTS = 5;

    /** The database side: marks a batch after the broker's commit; the first time, "dies" right after that commit. */
    private static final class OutboxArretee implements EvenementsAPublier {
        final List<EvenementDemande> enAttente = new ArrayList<>();
        final AtomicBoolean arretApresLeBroker = new AtomicBoolean(true);

        @Override
        public synchronized int relayer(int max, Consumer<EvenementDemande> publication, Runnable avantValidation) {
            List<EvenementDemande> lot = new ArrayList<>(enAttente.subList(0, Math.min(max, enAttente.size())));
            lot.forEach(publication);
            if (!lot.isEmpty()) {
                avantValidation.run();
                if (arretApresLeBroker.getAndSet(false)) {
                    throw new IllegalStateException("arrêt du hub entre le commit du broker et celui de la base");
                }
            }
            enAttente.removeAll(lot);
            return lot.size();
        }

        @Override
        public synchronized long enAttente() {
            return enAttente.size();
        }
    }

    private BrokerDeTest broker;
    private CachingConnectionFactory connexions;
    private final OutboxArretee outbox = new OutboxArretee();
    private RelaisOutbox relais;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        broker = new BrokerDeTest().demarrer();
        connexions = new CachingConnectionFactory(new JmsConnectionFactory(broker.url()));
        relais = new RelaisOutbox(outbox, 100, 1);
        relais.setTransactions(new JmsTransactionManager(connexions));
        CamelContext contexte = super.createCamelContext();
        AMQPComponent amqp = new AMQPComponent();
        amqp.setConnectionFactory(connexions);
        contexte.addComponent("amqp", amqp);
        return contexte;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OutboxRoutes(relais);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("outbox.destination.uri", "amqp:queue:" + FILE);
        p.setProperty("outbox.bailleurs.prefixe", "registre.erp");
        p.setProperty("outbox.periodeSecondes", "0.1");
        p.setProperty("outbox.delaiSecondes", "0");
        return p;
    }

    @Override
    public boolean isUseAdviceWith() {
        return true; // started once the events are waiting
    }

    @After
    public void arreterBroker() throws Exception {
        if (connexions != null) {
            connexions.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void aBatchPublishedBeforeAStopIsPublishedAgainAndEveryEventArrivesOnce() throws Exception {
        synchronized (outbox) {
            for (int i = 0; i < EVENEMENTS; i++) {
                outbox.enAttente.add(new EvenementDemande(UUID.randomUUID(), EvenementDemande.DEMANDE_ENREGISTREE,
                        String.format("0441123%06dG1104", i + 1), Instant.now(), "{\"n\":" + i + "}",
                        List.of("NMH")));
            }
        }
        context.start();
        org.awaitility.Awaitility.await("outbox drained").atMost(Duration.ofSeconds(30))
                .until(outbox::enAttente, n -> n == 0);
        List<String> attendus = java.util.stream.IntStream.range(0, EVENEMENTS).mapToObj(i -> "{\"n\":" + i + "}")
                .toList();
        assertEquals("each event once on the events queue, in order", attendus, lire(FILE));
        assertEquals("each event once on the landlord's queue, in order", attendus,
                lire("registre.erp.NMH.evenements"));
        org.awaitility.Awaitility.await("relay UP").atMost(Duration.ofSeconds(10))
                .until(relais::etat, e -> e.statut() == EtatSante.Statut.UP);
    }

    /** The bodies waiting on a queue (read until it stays empty for a second). */
    private List<String> lire(String file) throws Exception {
        List<String> corps = new ArrayList<>();
        try (Connection c = new JmsConnectionFactory(broker.url()).createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer lecteur = s.createConsumer(s.createQueue(file));
            for (Message m = lecteur.receive(2000); m != null; m = lecteur.receive(1000)) {
                corps.add(m.getBody(String.class));
            }
        }
        return corps;
    }
}
