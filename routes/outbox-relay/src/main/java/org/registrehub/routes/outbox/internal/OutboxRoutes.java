package org.registrehub.routes.outbox.internal;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code outbox-relay}: every {@code {{outbox.periodMs}}} ms, relays pending events;
 * {@code outbox-publication}: sends one event to {@code {{outbox.destination.uri}}} (by default the multicast address
 * {@code registre.evenements}); {@code outbox-bailleur}: sends it to the event queue of one landlord of the demand's
 * territory, {@code {{outbox.bailleurs.prefixe}}.<CODE>.evenements}. A failed send propagates to the relay, whose
 * database transaction then rolls back.
 */
public class OutboxRoutes extends RouteBuilder {

    private final RelaisOutbox relais;

    public OutboxRoutes(RelaisOutbox relais) {
        this.relais = relais;
    }

    @Override
    public void configure() {
        from("timer:registre-outbox?period={{outbox.periodMs}}&delay={{outbox.delayMs}}")
                .routeId("outbox-relay")
                .bean(relais, "relayer");

        from(RelaisOutbox.PUBLICATION)
                .routeId("outbox-publication")
                .errorHandler(noErrorHandler())
                .to("{{outbox.destination.uri}}");

        from(RelaisOutbox.PUBLICATION_BAILLEUR)
                .routeId("outbox-bailleur")
                .errorHandler(noErrorHandler())
                .toD("amqp:queue:{{outbox.bailleurs.prefixe}}.${header." + RelaisOutbox.HEADER_BAILLEUR
                        + "}.evenements")
                .removeHeader(RelaisOutbox.HEADER_BAILLEUR);
    }
}
