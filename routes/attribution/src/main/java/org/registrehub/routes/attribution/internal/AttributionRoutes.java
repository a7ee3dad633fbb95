package org.registrehub.routes.attribution.internal;

import java.util.Set;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.attribution.CotationService;
import org.registrehub.api.planification.Duree;

/**
 * {@code cotation-mise-a-jour}: every {@code cotation.verificationSecondes}, on every node, runs the cotation's daily
 * update once it is due, through the cotation service; the day's lease lets one node run it. An update stopped by an
 * error (database unreachable) is resumed by the next check.
 */
public class AttributionRoutes extends RouteBuilder {

    static final Contexte PLANIFICATEUR = new Contexte(new Identite("cotation:planificateur", new Organisation("HUB",
            TypeOrganisation.HUB, "Planificateur de la cotation", null, true, Set.of()), Set.of(Role.ADMIN)),
            Canal.CONSOLE);

    private final CotationService cotation;

    public AttributionRoutes(CotationService cotation) {
        this.cotation = cotation;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhaustedMessageHistory(false));
        onException(RegistreIndisponibleException.class).handled(true)
                .log(LoggingLevel.WARN, "Mise à jour de la cotation en attente du registre : ${exception.message}");

        from("timer:cotation-mise-a-jour?period=" + Duree.millisecondes("cotation.verificationSecondes",
                getContext().resolvePropertyPlaceholders("{{cotation.verificationSecondes}}")) + "&delay="
                + Duree.millisecondes("cotation.delaiDemarrageSecondes",
                        getContext().resolvePropertyPlaceholders("{{cotation.delaiDemarrageSecondes}}")))
                .routeId("cotation-mise-a-jour")
                .filter(e -> cotation.echue())
                .process(e -> cotation.mettreAJour(PLANIFICATEUR));
    }
}
