package org.registrehub.broker.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.jms.Connection;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Session;
import javax.jms.TextMessage;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The sender check on a real broker with authentication: only one's own login as user-id, only on AMQP. */
public class ExpediteurVerifieTest {

    private EmbeddedActiveMQ broker;
    private int port;
    private Path dossier;

    @Before
    public void demarrer() throws Exception {
        dossier = Files.createTempDirectory("registre-broker-plugin");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConfigurationImpl c = new ConfigurationImpl();
        c.setName("plugin-test");
        c.setPersistenceEnabled(false);
        c.setSecurityEnabled(true);
        c.setJournalDirectory(dossier.resolve("journal").toString());
        c.setBindingsDirectory(dossier.resolve("bindings").toString());
        c.setPagingDirectory(dossier.resolve("paging").toString());
        c.setLargeMessagesDirectory(dossier.resolve("large").toString());
        c.addAcceptorConfiguration("test", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        ExpediteurVerifie plugin = new ExpediteurVerifie();
        plugin.init(Map.of(ExpediteurVerifie.PREFIXE, "registre.erp", ExpediteurVerifie.TAILLE_MAX, "65536"));
        c.registerBrokerPlugin(plugin);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(c);
        broker.setSecurityManager(new ActiveMQSecurityManager() {
            @Override
            public boolean validateUser(String user, String password) {
                return Set.of("agent.nmh", "collegue.nmh").contains(user) && "secret".equals(password);
            }

            @Override
            public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType type) {
                return validateUser(user, password);
            }
        });
        broker.start();
    }

    @After
    public void arreter() throws Exception {
        broker.stop();
        try (var fichiers = Files.walk(dossier)) {
            fichiers.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Connection connexion(String utilisateur, boolean userIdRenseigne) throws JMSException {
        return new JmsConnectionFactory(utilisateur, "secret", "amqp://127.0.0.1:" + port
                + (userIdRenseigne ? "?jms.populateJMSXUserID=true" : "")).createConnection();
    }

    /** Sends one message as that user; null when the broker took it, else the refusal's message. */
    private String envoyer(String utilisateur, boolean userIdRenseigne, String file) throws JMSException {
        try (Connection c = connexion(utilisateur, userIdRenseigne)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(file));
            TextMessage m = s.createTextMessage("{}");
            try {
                p.send(m);
                return null;
            } catch (JMSException e) {
                return e.getMessage();
            }
        }
    }

    private Message lire(String file) throws JMSException {
        try (Connection c = connexion("agent.nmh", false)) {
            c.start();
            MessageConsumer consommateur = c.createSession(false, Session.AUTO_ACKNOWLEDGE)
                    .createConsumer(c.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue(file));
            return consommateur.receive(5000);
        }
    }

    @Test
    public void unMessageSignéDeSonPropreIdentifiantPasseEtLeHubLitCetIdentifiant() throws Exception {
        assertNull(envoyer("agent.nmh", true, "registre.erp.NMH.entrant"));
        Message recu = lire("registre.erp.NMH.entrant");
        assertNotNull(recu);
        assertEquals("agent.nmh", recu.getStringProperty("JMSXUserID"));
    }

    @Test
    public void unMessageAuNomDUnCollegueOuSansUserIdEstRefuseEtNArriveJamais() throws Exception {
        // Qpid JMS cannot put another name in user-id; a hand-made AMQP client can: the rule refuses it
        String refus = ExpediteurVerifie.refus("registre.erp.NMH.entrant", "agent.nmh", "collegue.nmh", true);
        assertNotNull("sent in a colleague's name", refus);
        assertTrue(refus, refus.contains("« collegue.nmh » différent de l'identifiant de connexion « agent.nmh »"));
        refus = envoyer("agent.nmh", false, "registre.erp.NMH.entrant");
        assertNotNull("sent without user-id", refus);
        assertTrue(refus, refus.contains("user-id (JMSXUserID) absent"));
        assertNull("nothing reached the queue", lire("registre.erp.NMH.entrant"));
    }

    @Test
    public void lesAutresFilesNeSontPasConcernees() throws Exception {
        assertNull(envoyer("agent.nmh", false, "registre.erp.NMH.reponses"));
        assertNull(envoyer("agent.nmh", false, "autre.entrant"));
    }

    @Test
    public void leProtocoleCoreEstRefuseSurLesFilesEntrantes() {
        String refus = ExpediteurVerifie.refus("registre.erp.NMH.entrant", "agent.nmh", null, false);
        assertTrue(refus, refus.contains("les ERP envoient en AMQP 1.0"));
        assertNull(ExpediteurVerifie.refus("registre.erp.NMH.entrant", "agent.nmh", "agent.nmh", true));
        try {
            ExpediteurVerifie.class.getMethod("beforeSend", org.apache.activemq.artemis.core.server.ServerSession.class,
                    org.apache.activemq.artemis.core.transaction.Transaction.class,
                    org.apache.activemq.artemis.api.core.Message.class, boolean.class, boolean.class);
        } catch (NoSuchMethodException e) {
            fail("the broker calls beforeSend(ServerSession, ...): " + e);
        }
    }

    @Test
    public void unMessageTropGrosEstRefuseAvantDEntrerDansLaFile() throws Exception {
        try (Connection c = connexion("agent.nmh", true)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue("registre.erp.NMH.entrant"));
            try {
                p.send(s.createTextMessage("{\"x\":\"" + "a".repeat(100_000) + "\"}"));
                fail("an oversize message entered the queue");
            } catch (JMSException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("au plus 65536"));
            }
        }
        assertNull(lire("registre.erp.NMH.entrant"));
    }
}
