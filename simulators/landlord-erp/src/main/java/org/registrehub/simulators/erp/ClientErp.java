package org.registrehub.simulators.erp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Session;
import javax.jms.TextMessage;

import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * A landlord ERP talking to Registre Hub over AMQP 1.0 with a standard client (Qpid JMS).
 *
 * <pre>
 *   envoyer FICHIER.json   send a registration message, wait for the hub's reply and print it
 *   ecouter [N]            subscribe to the register's events and print the next N (default 1)
 * </pre>
 * Connection: REGISTRE_BROKER_HOST (127.0.0.1), REGISTRE_BROKER_PORT (61616), and the register account of the
 * landlord, REGISTRE_BROKER_USER and REGISTRE_BROKER_PASSWORD (no default: the broker knows only the register's
 * accounts), or the system properties of the same names in lower case with dots ({@code registre.broker.host}, ...).
 */
public final class ClientErp {

    static final String FILE_DEMANDES = "registre.erp.demandes";
    static final String FILE_REPONSES = "registre.erp.reponses";
    static final String ADRESSE_EVENEMENTS = "registre.evenements";
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]*)\"");

    private ClientErp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage : envoyer FICHIER.json | ecouter [N]");
            System.exit(2);
        }
        int code;
        try {
            code = switch (args[0]) {
                case "envoyer" -> envoyer(Path.of(args[1]));
                case "ecouter" -> ecouter(args.length > 1 ? Integer.parseInt(args[1]) : 1);
                default -> {
                    System.err.println("commande inconnue : " + args[0] + " (envoyer | ecouter)");
                    yield 2;
                }
            };
        } catch (JMSException e) {
            System.err.println("Broker injoignable ou refus : " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static ConnectionFactory fabrique() {
        String url = "amqp://" + param("REGISTRE_BROKER_HOST", "127.0.0.1") + ":"
                + param("REGISTRE_BROKER_PORT", "61616");
        String utilisateur = param("REGISTRE_BROKER_USER", null);
        String motDePasse = param("REGISTRE_BROKER_PASSWORD", null);
        if (utilisateur == null || motDePasse == null) {
            throw new IllegalArgumentException("identifiants du broker requis : REGISTRE_BROKER_USER et"
                    + " REGISTRE_BROKER_PASSWORD (le compte du registre du bailleur)");
        }
        return new JmsConnectionFactory(utilisateur, motDePasse, url);
    }

    private static String param(String env, String fallback) {
        String prop = System.getProperty(env.toLowerCase().replace('_', '.'));
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Sends a registration and prints the reply whose JMSCorrelationID is the message's messageId. */
    static int envoyer(Path fichier) throws Exception {
        String json = Files.readString(fichier, StandardCharsets.UTF_8);
        Matcher m = MESSAGE_ID.matcher(json);
        String messageId = m.find() ? m.group(1) : UUID.randomUUID().toString();
        try (Connection connection = fabrique().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer reponses = session.createConsumer(session.createQueue(FILE_REPONSES),
                    "JMSCorrelationID = '" + messageId.replace("'", "''") + "'");
            MessageProducer producteur = session.createProducer(session.createQueue(FILE_DEMANDES));
            TextMessage message = session.createTextMessage(json);
            producteur.send(message);
            System.out.println("envoyé sur " + FILE_DEMANDES + " : messageId=" + messageId);
            Message reponse = reponses.receive(30_000);
            if (reponse == null) {
                System.err.println("pas de réponse en 30 s sur " + FILE_REPONSES
                        + " (message illisible ? voir la file registre.erp.dlq)");
                return 1;
            }
            System.out.println("réponse (" + reponse.getStringProperty("registreStatut") + ") : "
                    + ((TextMessage) reponse).getText());
            return 0;
        }
    }

    /** Subscribes to the events address and prints the next {@code n} events. */
    static int ecouter(int n) throws Exception {
        try (Connection connection = fabrique().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Destination topic = session.createTopic(ADRESSE_EVENEMENTS);
            MessageConsumer consumer = session.createConsumer(topic);
            System.out.println("à l'écoute de " + ADRESSE_EVENEMENTS + " ...");
            for (int i = 0; i < n; i++) {
                Message evenement = consumer.receive(120_000);
                if (evenement == null) {
                    System.err.println("aucun événement en 120 s");
                    return 1;
                }
                System.out.println(evenement.getStringProperty("registreType") + " "
                        + evenement.getStringProperty("registreNumeroUnique") + " : "
                        + ((TextMessage) evenement).getText());
            }
            return 0;
        }
    }
}
