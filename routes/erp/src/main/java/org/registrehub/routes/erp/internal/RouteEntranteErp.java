package org.registrehub.routes.erp.internal;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.erp.MessageErpInexploitableException;
import org.registrehub.api.erp.ReponseTraitementErp;
import org.registrehub.api.erp.TraitementErp;
import org.registrehub.api.RegistreIndisponibleException;

/**
 * {@code erp-entrant-<CODE>}: the inbound queue of one organisation, consumed in a broker transaction. The reply (or
 * the dead letter) is sent in the same transaction as the acknowledgement of the message, after the register's own
 * database transaction committed: a crash in between makes the broker deliver the message again, and the register,
 * which recorded its messageId with the change, answers it again without a second effect.
 * <ul>
 * <li>unreadable message, or organisation that may not act: dead letter at once, with the reason;</li>
 * <li>register unavailable (database down): rolled back, the broker delivers it again later (its redelivery delay
 * grows up to the limit of {@code artemis.xml}), as long as it takes;</li>
 * <li>any other failure: rolled back and delivered again up to {@code erp.tentatives} deliveries, then dead-lettered
 * with the reason; the other messages flow meanwhile.</li>
 * </ul>
 */
public class RouteEntranteErp extends RouteBuilder {

    public static final String PREFIXE_ROUTE = "erp-entrant-";
    public static final String HEADER_ERREUR = "registreErreur";
    public static final String HEADER_ROUTE = "registreRoute";
    public static final String HEADER_ORGANISATION = "registreOrganisation";
    public static final String HEADER_FILE = "registreFile";
    public static final String HEADER_TENTATIVES = "registreTentatives";
    public static final String HEADER_MESSAGE_ID = "registreMessageId";
    /** The sender of a dead letter, kept by the hub (only it sends there) for the replay. */
    public static final String HEADER_EXPEDITEUR = "registreExpediteur";
    static final String LIVRAISONS = "JMSXDeliveryCount";

    private final String organisation;
    private final TraitementErp traitement;
    private final GestionBroker broker;
    private final String options;
    private final int tentatives;

    public RouteEntranteErp(String organisation, TraitementErp traitement, GestionBroker broker,
                            String options, int tentatives) {
        this.organisation = organisation;
        this.traitement = traitement;
        this.broker = broker;
        this.options = options;
        this.tentatives = tentatives;
    }

    public static String routeId(String organisation) {
        return PREFIXE_ROUTE + organisation;
    }

    @Override
    public void configure() {
        String entrant = broker.file(organisation, GestionBroker.ENTRANT);
        String reponses = "amqp:queue:" + broker.file(organisation, GestionBroker.REPONSES);
        String dlq = "amqp:queue:" + broker.dlq();

        // no redelivery in memory: a failed message goes back to the broker, which delivers it again after its
        // redelivery delay (the consumer meanwhile takes the next ones); what is logged is said below
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(false).logStackTrace(false));

        onException(MessageErpInexploitableException.class)
                .handled(true).useOriginalMessage()
                .process(e -> motif(e, entrant))
                .log(LoggingLevel.WARN, "registre.erp", "Message ${header.JMSMessageID} de " + organisation
                        + " mis en lettre morte : ${header." + HEADER_ERREUR + "}")
                .to(dlq);

        onException(RegistreIndisponibleException.class)
                .handled(false)
                .log(LoggingLevel.WARN, "registre.erp", "Message ${header.JMSMessageID} de " + organisation
                        + " (livraison ${header." + LIVRAISONS + "}) remis dans la file, registre indisponible : "
                        + "${exception.message}");

        onException(Exception.class)
                .onWhen(e -> livraisons(e) >= tentatives)
                .handled(true).useOriginalMessage()
                .process(e -> motif(e, entrant))
                .log(LoggingLevel.ERROR, "registre.erp", "Message ${header.JMSMessageID} de " + organisation
                        + " mis en lettre morte après " + tentatives + " livraisons : ${header." + HEADER_ERREUR + "}")
                .to(dlq);

        onException(Exception.class)
                .handled(false)
                .log(LoggingLevel.WARN, "registre.erp", "Message ${header.JMSMessageID} de " + organisation
                        + " en échec (livraison ${header." + LIVRAISONS + "} sur " + tentatives
                        + ") : ${exception.message}");

        from("amqp:queue:" + entrant + (options == null || options.isBlank() ? "" : "?" + options))
                .routeId(routeId(organisation))
                .process(e -> e.setProperty(HEADER_EXPEDITEUR, expediteur(e)))
                .process(e -> e.getMessage().setBody(traitement.traiter(e.getMessage().getBody(String.class),
                        organisation, e.getProperty(HEADER_EXPEDITEUR, String.class))))
                .process(RouteEntranteErp::enTetesDeReponse)
                .to(reponses);
    }

    private static void enTetesDeReponse(Exchange e) {
        ReponseTraitementErp r = e.getMessage().getBody(ReponseTraitementErp.class);
        e.getMessage().removeHeaders("*");
        e.getMessage().setHeader("JMSCorrelationID", r.correlationId());
        e.getMessage().setHeader("registreStatut", r.statut());
        e.getMessage().setBody(r.json());
    }

    /**
     * The sender's login: the AMQP user-id (JMS JMSXUserID), which the broker plugin of registre-broker-plugin
     * accepts only when it is the authenticated login. A dead letter replayed into the queue by the broker's
     * management (registre:erp-rejouer) has none: its sender is the one the hub wrote when it dead-lettered it (no
     * client can send a message without user-id to an inbound queue, so no client can set that header there).
     */
    static String expediteur(Exchange e) throws javax.jms.JMSException {
        String verifie = null;
        if (e.getIn() instanceof org.apache.camel.component.jms.JmsMessage jms && jms.getJmsMessage() != null) {
            verifie = jms.getJmsMessage().getStringProperty(EXPEDITEUR);
        }
        return verifie != null ? verifie : e.getIn().getHeader(HEADER_EXPEDITEUR, String.class);
    }

    static final String EXPEDITEUR = "JMSXUserID";

    static int livraisons(Exchange e) {
        Object n = e.getIn().getHeader(LIVRAISONS);
        if (n instanceof Number x) {
            return x.intValue();
        }
        try {
            return n == null ? 1 : Integer.parseInt(n.toString());
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    /** The dead letter keeps the original message and says why, where from, and after how many deliveries. */
    private void motif(Exchange exchange, String entrant) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getMessage().setHeader(HEADER_ERREUR, cause == null ? "inconnue"
                : cause.getClass().getSimpleName() + " : " + cause.getMessage());
        exchange.getMessage().setHeader(HEADER_ROUTE, routeId(organisation));
        exchange.getMessage().setHeader(HEADER_ORGANISATION, organisation);
        String expediteur = exchange.getProperty(HEADER_EXPEDITEUR, String.class);
        if (expediteur != null) {
            exchange.getMessage().setHeader(HEADER_EXPEDITEUR, expediteur);
        }
        exchange.getMessage().setHeader(HEADER_FILE, entrant);
        exchange.getMessage().setHeader(HEADER_TENTATIVES, livraisons(exchange));
        traitement.messageIdLisible(exchange.getMessage().getBody(String.class))
                .ifPresent(messageId -> exchange.getMessage().setHeader(HEADER_MESSAGE_ID, messageId));
    }
}
