package org.registrehub.routes.erp.internal;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code erp-organisations}: at start, then every {@code {{erp.synchronisation.periodeMs}}} ms, gives every active
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
        from("timer:registre-erp-organisations?delay=0&period={{erp.synchronisation.periodeMs}}")
                .routeId(ROUTE_ID)
                .process(e -> broker.verifier())
                .process(e -> organisations.synchroniser(e.getContext()));
    }
}
