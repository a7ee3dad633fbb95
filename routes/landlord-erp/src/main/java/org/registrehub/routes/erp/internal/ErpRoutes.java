package org.registrehub.routes.erp.internal;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.RegistreIndisponibleException;

/**
 * Inbound registrations from the landlords' ERPs.
 * <ul>
 * <li>{@code erp-demandes-entrantes}: queue {@code {{erp.demandes.uri}}} → register → reply on {@code {{erp.reponses.uri}}}
 * (ACCEPTE with the numéro, or REJETE with the field errors);</li>
 * <li>an unreadable message goes at once to the dead-letter queue {@code {{erp.dlq.uri}}}, with the reason in the
 * {@code registreErreur} property; a message that fails for a technical reason (database unreachable) is retried
 * {@code {{erp.redeliveries}}} times with exponential backoff, then dead-lettered.</li>
 * </ul>
 */
public class ErpRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "erp-demandes-entrantes";
    public static final String HEADER_ERREUR = "registreErreur";
    public static final String HEADER_ROUTE = "registreRoute";

    private final TraitementMessageErp traitement;

    public ErpRoutes(TraitementMessageErp traitement) {
        this.traitement = traitement;
    }

    @Override
    public void configure() {
        int redeliveries = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{erp.redeliveries}}"));
        long delay = Long.parseLong(getContext().resolvePropertyPlaceholders("{{erp.redeliveryDelayMs}}"));
        errorHandler(deadLetterChannel("{{erp.dlq.uri}}")
                .useOriginalMessage()
                .maximumRedeliveries(redeliveries)
                .redeliveryDelay(delay)
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .onPrepareFailure(ErpRoutes::motifDansLEnveloppe)
                .log("registre.erp"));

        onException(MessageIllisibleException.class)
                .maximumRedeliveries(0);

        onException(RegistreIndisponibleException.class)
                .maximumRedeliveries(redeliveries)
                .redeliveryDelay(delay)
                .useExponentialBackOff();

        from("{{erp.demandes.uri}}")
                .routeId(ROUTE_ID)
                .bean(traitement, "traiter")
                .removeHeaders("*")
                .setHeader("JMSCorrelationID", simple("${body.correlationId()}"))
                .setHeader("registreStatut", simple("${body.statut()}"))
                .bean(traitement, "enJson")
                .to("{{erp.reponses.uri}}");
    }

    /** The dead letter keeps the original message and says why it failed and in which route. */
    static void motifDansLEnveloppe(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getMessage().setHeader(HEADER_ERREUR, cause == null ? "inconnue"
                : cause.getClass().getSimpleName() + " : " + cause.getMessage());
        exchange.getMessage().setHeader(HEADER_ROUTE, exchange.getFromRouteId());
    }
}
