package org.registrehub.simulators.erp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Session;
import javax.jms.TextMessage;

import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * What a landlord's ERP does with Registre Hub, with a standard AMQP 1.0 client (Qpid JMS): send on its organisation's
 * inbound queue, read the replies and the events of its queues. Used by the command line {@link ClientErp} and by the
 * crash tests.
 */
public final class ConnexionErp {

    /** A reply of the hub: its status, the messageId it answers, and its JSON. */
    public record Reponse(String statut, String correlationId, String json) {
    }

    private final ConnectionFactory fabrique;
    private final String organisation;

    /**
     * @param url          the broker, {@code amqp://127.0.0.1:61616}
     * @param identifiant  a register account of the organisation (role bailleur or guichet)
     * @param motDePasse   its password
     * @param organisation the organisation's code: its queues are {@code registre.erp.<CODE>.*}
     */
    public ConnexionErp(String url, String identifiant, String motDePasse, String organisation) {
        JmsConnectionFactory f = new JmsConnectionFactory(identifiant, motDePasse, url);
        // the hub's broker takes a message on an inbound queue only with the sender's login as user-id
        f.setPopulateJMSXUserID(true);
        this.fabrique = f;
        this.organisation = organisation;
    }

    public String file(String suffixe) {
        return "registre.erp." + organisation + "." + suffixe;
    }

    /** Sends a message and waits for the reply whose JMSCorrelationID is {@code messageId}; null after the delay. */
    public Reponse envoyer(String json, String messageId, Duration attente) throws JMSException {
        try (Connection c = fabrique.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer reponses = s.createConsumer(s.createQueue(file("reponses")),
                    "JMSCorrelationID = '" + messageId.replace("'", "''") + "'");
            s.createProducer(s.createQueue(file("entrant"))).send(s.createTextMessage(json));
            Message r = reponses.receive(Math.max(1, attente.toMillis()));
            return r == null ? null : reponse(r);
        }
    }

    /** Sends messages one after the other on one connection, without waiting for the replies. */
    public void envoyerTous(List<String> messages) throws JMSException {
        try (Connection c = fabrique.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(file("entrant")));
            for (String m : messages) {
                p.send(s.createTextMessage(m));
            }
        }
    }

    /**
     * Reads (and so removes) the replies waiting on the organisation's reply queue, handing each to {@code lecteur},
     * until {@code max} were read or none came for {@code silence}.
     */
    public int lireReponses(int max, Duration silence, Consumer<Reponse> lecteur) throws JMSException {
        int n = 0;
        try (Connection c = fabrique.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer reponses = s.createConsumer(s.createQueue(file("reponses")));
            while (n < max) {
                Message m = reponses.receive(Math.max(1, silence.toMillis()));
                if (m == null) {
                    break;
                }
                lecteur.accept(reponse(m));
                n++;
            }
        }
        return n;
    }

    /** Reads the next {@code n} events of the organisation, each as "type numéro : json", waiting up to the delay. */
    public List<String> ecouter(int n, Duration attente) throws JMSException {
        List<String> lus = new ArrayList<>();
        try (Connection c = fabrique.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer evenements = s.createConsumer(s.createQueue(file("evenements")));
            while (lus.size() < n) {
                Message e = evenements.receive(attente.toMillis());
                if (e == null) {
                    break;
                }
                lus.add(e.getStringProperty("registreType") + " " + e.getStringProperty("registreNumeroUnique")
                        + " : " + ((TextMessage) e).getText());
            }
        }
        return lus;
    }

    private static Reponse reponse(Message m) throws JMSException {
        return new Reponse(m.getStringProperty("registreStatut"), m.getJMSCorrelationID(), ((TextMessage) m).getText());
    }
}
