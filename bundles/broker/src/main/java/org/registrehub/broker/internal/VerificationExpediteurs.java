package org.registrehub.broker.internal;

import java.util.Map;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link ExpediteurVerifie} plugin into the embedded broker (the {@link ActiveMQServer} service its Karaf
 * feature publishes), then starts the broker's acceptors: etc/artemis.xml declares them {@code autoStart=false}, so that
 * no client can send a message before the check is in place. Without this bundle the broker takes no connection at
 * all (the broker's health says so): it fails closed. When the bundle stops (update), the acceptors are stopped before
 * the plugin is taken out, and started again by the new one. The partners' TLS acceptor (AMQPS) exists only when its
 * keystore opens: a quick start without certificate keeps the loopback acceptor alone, and the log says why.
 */
@Component(immediate = true, configurationPid = "org.registrehub.broker")
@Designate(ocd = VerificationExpediteurs.Config.class)
public class VerificationExpediteurs {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationExpediteurs.class);

    @ObjectClassDefinition(name = "Registre Hub - vérification des expéditeurs du broker")
    public @interface Config {

        @AttributeDefinition(description = "Préfixe des files des ERP (erp.files.prefixe de org.registrehub.erp)")
        String prefixe() default "registre.erp";

        @AttributeDefinition(description = "Taille maximale d'un message d'ERP, en octets (erp.tailleMaxOctets de"
                + " org.registrehub.erp) : au-delà le broker le refuse avant que quiconque ne le lise")
        long tailleMaxOctets() default 1_048_576;
    }

    private final ActiveMQServer broker;
    private final ExpediteurVerifie plugin = new ExpediteurVerifie();

    @Activate
    public VerificationExpediteurs(@Reference ActiveMQServer broker, Config config) throws Exception {
        this.broker = broker;
        plugin.init(Map.of(ExpediteurVerifie.PREFIXE, config.prefixe(), ExpediteurVerifie.TAILLE_MAX,
                String.valueOf(config.tailleMaxOctets())));
        broker.registerBrokerPlugin(plugin);
        for (Map.Entry<String, Acceptor> a : broker.getRemotingService().getAcceptors().entrySet()) {
            if (a.getValue().isStarted()) {
                continue;
            }
            try {
                a.getValue().start();
                LOG.info("Broker : expéditeurs vérifiés sur {}.*.entrant ; accepteur « {} » démarré",
                        config.prefixe(), a.getKey());
            } catch (Exception e) {
                // one acceptor that cannot start leaves the others working
                LOG.error("Broker : accepteur « {} » non démarré : {}", a.getKey(), e.getMessage());
            }
        }
        // the broker does not create a TLS acceptor whose keystore it cannot open (missing file, wrong password)
        for (TransportConfiguration t : broker.getConfiguration().getAcceptorConfigurations()) {
            if (!broker.getRemotingService().getAcceptors().containsKey(t.getName())
                    && Boolean.parseBoolean(String.valueOf(t.getParams().get("sslEnabled")))) {
                LOG.warn("Broker : accepteur TLS « {} » absent : magasin de clés {} {} (AMQPS des partenaires ; voir"
                        + " docs/exploitation.md, « Chiffrement des transports »)", t.getName(),
                        t.getParams().get("keyStorePath"), java.nio.file.Files.isReadable(java.nio.file.Path.of(
                                String.valueOf(t.getParams().get("keyStorePath")))) ? "illisible avec le mot de passe"
                                + " REGISTRE_TLS_MOT_DE_PASSE" : "absent");
            }
        }
    }

    @Deactivate
    void arreter() {
        // closed before the check goes: no message passes unchecked while this bundle is away
        for (Map.Entry<String, Acceptor> a : broker.getRemotingService().getAcceptors().entrySet()) {
            try {
                a.getValue().stop();
                LOG.info("Broker : accepteur « {} » arrêté (vérification des expéditeurs retirée)", a.getKey());
            } catch (Exception e) {
                LOG.warn("Broker : accepteur « {} » non arrêté : {}", a.getKey(), e.getMessage());
            }
        }
        broker.unRegisterBrokerPlugin(plugin);
    }
}
