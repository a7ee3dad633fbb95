package org.registrehub.routes.national.internal;

import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.planification.Duree;
import org.registrehub.api.national.SynchronisationNationale;

/**
 * {@code national-envoi}: every {@code envoi.periodeSecondes} seconds, sends the waiting outbox events to the national
 * register; {@code national-recuperation}: every {@code recuperation.verificationSecondes} seconds, runs the daily pulls
 * when they are due ({@code {{recuperation.heure}}}). Both call the national synchronization service (bundle
 * {@code registre-synchro-nationale}), which records its own failures (task state, backoff, circuit breaker); anything
 * else is logged with the route and the next tick tries again.
 */
public class NationalRoutes extends RouteBuilder {

    private final SynchronisationNationale synchronisation;

    public NationalRoutes(SynchronisationNationale synchronisation) {
        this.synchronisation = synchronisation;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR, "${routeId} : ${exception.message}");

        from("timer:registre-national-envoi?period=" + ms("envoi.periodeSecondes")
                + "&delay=" + ms("envoi.delaiSecondes"))
                .routeId("national-envoi")
                .process(e -> synchronisation.envoyerEnAttente());

        from("timer:registre-national-recuperation?period=" + ms("recuperation.verificationSecondes")
                + "&delay=" + ms("envoi.delaiSecondes"))
                .routeId("national-recuperation")
                .process(e -> synchronisation.recupererSiEchue());
    }

    /** A duration key of this capability's PID (seconds, decimal allowed), in milliseconds for a timer. */
    private long ms(String cle) {
        return Duree.millisecondes(cle, getContext().resolvePropertyPlaceholders("{{" + cle + "}}"));
    }
}
