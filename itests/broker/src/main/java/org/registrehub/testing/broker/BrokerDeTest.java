package org.registrehub.testing.broker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real Artemis broker for the route tests: AMQP and CORE on a free loopback port, persistent journal in a temporary
 * directory (a stop and a start keep the messages), duplicate detection by {@code _AMQ_DUPL_ID} with its cache kept,
 * management in the platform MBean server, and the redelivery settings of the hub's {@code etc/artemis.xml} for the
 * ERP queues, shortened.
 */
public final class BrokerDeTest implements AutoCloseable {

    public static final String NOM = "registre-test";

    private final Path dossier;
    private final int port;
    private EmbeddedActiveMQ broker;

    public BrokerDeTest() throws IOException {
        this.dossier = Files.createTempDirectory("registre-broker-test");
        this.port = org.registrehub.testing.Ports.libre();
    }

    public String url() {
        return "amqp://127.0.0.1:" + port;
    }

    public BrokerDeTest demarrer() throws Exception {
        ConfigurationImpl c = new ConfigurationImpl();
        c.setName(NOM);
        c.setPersistenceEnabled(true);
        c.setJournalType(JournalType.NIO);
        c.setJournalDirectory(dossier.resolve("journal").toString());
        c.setBindingsDirectory(dossier.resolve("bindings").toString());
        c.setPagingDirectory(dossier.resolve("paging").toString());
        c.setLargeMessagesDirectory(dossier.resolve("large").toString());
        c.setSecurityEnabled(false);
        c.setJMXManagementEnabled(true);
        c.setJMXUseBrokerName(true);
        c.setIDCacheSize(1000);
        c.setPersistIDCache(true);
        c.addAcceptorConfiguration("test", "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP");
        AddressSettings erp = new AddressSettings();
        erp.setRedeliveryDelay(100);
        erp.setRedeliveryMultiplier(2);
        erp.setMaxRedeliveryDelay(400);
        erp.setMaxDeliveryAttempts(200);
        erp.setDeadLetterAddress(SimpleString.of("registre.erp.dlq"));
        erp.setAutoCreateQueues(true);
        erp.setAutoCreateAddresses(true);
        erp.setAutoDeleteQueues(false);
        erp.setAutoDeleteAddresses(false);
        c.addAddressSetting("registre.erp.#", erp);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(c);
        broker.setMbeanServer(ManagementFactory.getPlatformMBeanServer());
        broker.start();
        return this;
    }

    public void arreter() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    @Override
    public void close() throws Exception {
        arreter();
        try (Stream<Path> chemins = Files.walk(dossier)) {
            chemins.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
