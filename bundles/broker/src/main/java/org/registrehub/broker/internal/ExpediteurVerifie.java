package org.registrehub.broker.internal;

import java.util.Map;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;

/**
 * A broker plugin (put into the broker by {@link VerificationExpediteurs}): a message sent to an ERP inbound queue
 * ({@code <prefixe>.CODE.entrant}) is accepted only over AMQP 1.0 and only when its {@code user-id} (JMS
 * {@code JMSXUserID}; Qpid JMS sets it with {@code jms.populateJMSXUserID=true}) is the login the broker authenticated
 * for the connection. The hub then applies the message with that user's own roles and territories, and records it in
 * the audit: a user cannot send in a colleague's name.
 *
 * <p>AMQP messages are immutable in the broker (the AMQP 1.0 specification forbids changing them), so the broker
 * cannot stamp the sender itself ({@code populate-validated-user} does nothing for AMQP): it checks the sender's
 * declaration instead, as the AMQP specification foresees for {@code user-id}.
 */
public class ExpediteurVerifie implements ActiveMQServerMessagePlugin {

    /** Property of the plugin: the ERP queues' prefix. */
    public static final String PREFIXE = "prefixe";
    /** Property of the plugin: the largest message an ERP may send, in bytes. */
    public static final String TAILLE_MAX = "tailleMaxOctets";
    static final String SUFFIXE = ".entrant";

    private volatile String prefixe = "registre.erp.";
    private volatile long tailleMax = 1_048_576;

    @Override
    public void init(Map<String, String> proprietes) {
        String p = proprietes.get(PREFIXE);
        if (p != null && !p.isBlank()) {
            prefixe = p.endsWith(".") ? p : p + ".";
        }
        String t = proprietes.get(TAILLE_MAX);
        if (t != null && !t.isBlank()) {
            tailleMax = Long.parseLong(t.strip());
        }
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) throws ActiveMQException {
        String adresse = message.getAddress();
        if (adresse == null || !adresse.startsWith(prefixe) || !adresse.endsWith(SUFFIXE)) {
            return;
        }
        String authentifie = session.getValidatedUser() != null ? session.getValidatedUser() : session.getUsername();
        boolean amqp = message instanceof AMQPMessage;
        String refus = refus(adresse, authentifie, amqp ? ((AMQPMessage) message).getAMQPUserID() : null, amqp);
        if (refus != null) {
            throw new ActiveMQSecurityException(refus);
        }
        // the size is known before anyone reads the message: an oversize one never enters the queue
        long taille = message.getWholeMessageSize();
        if (taille > tailleMax) {
            throw new ActiveMQSecurityException("Message refusé sur " + adresse + " : " + taille + " octets, au plus "
                    + tailleMax + " (erp.tailleMaxOctets).");
        }
    }

    /** Why the message is refused, or null when it may go (the rule, apart from the broker, for the tests). */
    static String refus(String adresse, String authentifie, Object declare, boolean amqp) {
        if (!amqp) {
            return "Message refusé sur " + adresse + " : les ERP envoient en AMQP 1.0 (protocole CORE non accepté"
                    + " sur les files entrantes).";
        }
        if (authentifie == null) {
            return "Message refusé sur " + adresse + " : connexion non authentifiée.";
        }
        if (declare == null) {
            return "Message refusé sur " + adresse + " : user-id (JMSXUserID) absent ; il doit valoir l'identifiant"
                    + " de connexion « " + authentifie + " » (Qpid JMS : option jms.populateJMSXUserID=true).";
        }
        if (!authentifie.equals(declare.toString())) {
            return "Message refusé sur " + adresse + " : user-id (JMSXUserID) « " + declare + " » différent de"
                    + " l'identifiant de connexion « " + authentifie + " » ; on n'envoie qu'en son propre nom.";
        }
        return null;
    }
}
