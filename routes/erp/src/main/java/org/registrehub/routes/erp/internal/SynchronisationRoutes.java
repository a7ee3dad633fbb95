package org.registrehub.routes.erp.internal;

import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.planification.Duree;

/**
 * {@code erp-organisations}: at start, then every {@code erp.synchronisation.periodeSecondes} seconds, gives every active
 * landlord and guichet its queues and its consuming route ({@link OrganisationsErp}), after checking that the broker
 * accepts the hub's login ({@link SanteBroker}).
 */
public class SynchronisationRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "erp-organisations";

    private final OrganisationsErp organisations;
    private final SanteBroker broker;

    public SynchronisationRoutes(OrganisationsErp organisations, SanteBroker broker) {
        this.organisations = organisations;
        this.broker = broker;
    }

    @Override
    public void configure() {
        from("timer:registre-erp-organisations?delay=0&period=" + ms("erp.synchronisation.periodeSecondes"))
                .routeId(ROUTE_ID)
                .process(e -> broker.verifier())
                .process(e -> organisations.synchroniser(e.getContext()));
    }

    /** A duration key of this capability's PID (seconds, decimal allowed), in milliseconds for a timer. */
    private long ms(String cle) {
        return Duree.millisecondes(cle, getContext().resolvePropertyPlaceholders("{{" + cle + "}}"));
    }
}
