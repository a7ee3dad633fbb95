package org.registrehub.routes.outbox.internal;

import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.planification.Duree;

/**
 * {@code outbox-relais}: every {@code outbox.periodeSecondes} seconds, relays pending events;
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
        from("timer:registre-outbox?period=" + ms("outbox.periodeSecondes") + "&delay=" + ms("outbox.delaiSecondes"))
                .routeId("outbox-relais")
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

    /** A duration key of this capability's PID (seconds, decimal allowed), in milliseconds for a timer. */
    private long ms(String cle) {
        return Duree.millisecondes(cle, getContext().resolvePropertyPlaceholders("{{" + cle + "}}"));
    }
}
