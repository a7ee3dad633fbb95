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
import org.registrehub.api.attribution.NotificationsService;
import org.registrehub.api.planification.Duree;

/**
 * {@code cotation-mise-a-jour}: every {@code cotation.verificationSecondes}, on every node, runs the cotation's daily
 * update once it is due, through the cotation service; the day's lease lets one node run it. An update stopped by an
 * error (database unreachable) is resumed by the next check.
 * <p>
 * {@code notification-candidats}: every {@code notification.periodeSecondes}, on every node, sends the applicants'
 * notifications waiting (proposals, decisions) through the notifications service; each is claimed by one node.
 */
public class AttributionRoutes extends RouteBuilder {

    static final Contexte PLANIFICATEUR = new Contexte(new Identite("cotation:planificateur", new Organisation("HUB",
            TypeOrganisation.HUB, "Planificateur de la cotation", null, true, Set.of()), Set.of(Role.ADMIN)),
            Canal.CONSOLE);

    static final Contexte NOTIFICATEUR = new Contexte(new Identite("notification:planificateur", new Organisation(
            "HUB", TypeOrganisation.HUB, "Envoi des notifications aux candidats", null, true, Set.of()),
            Set.of(Role.ADMIN)), Canal.CONSOLE);

    private final CotationService cotation;
    private final NotificationsService notifications;

    public AttributionRoutes(CotationService cotation, NotificationsService notifications) {
        this.cotation = cotation;
        this.notifications = notifications;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhaustedMessageHistory(false));
        onException(RegistreIndisponibleException.class).handled(true)
                .log(LoggingLevel.WARN, "${routeId} : en attente du registre : ${exception.message}");

        from("timer:cotation-mise-a-jour?period=" + Duree.millisecondes("cotation.verificationSecondes",
                getContext().resolvePropertyPlaceholders("{{cotation.verificationSecondes}}")) + "&delay="
                + Duree.millisecondes("cotation.delaiDemarrageSecondes",
                        getContext().resolvePropertyPlaceholders("{{cotation.delaiDemarrageSecondes}}")))
                .routeId("cotation-mise-a-jour")
                .filter(e -> cotation.echue())
                .process(e -> cotation.mettreAJour(PLANIFICATEUR));

        from("timer:notification-candidats?period=" + Duree.millisecondes("notification.periodeSecondes",
                getContext().resolvePropertyPlaceholders("{{notification.periodeSecondes}}")) + "&delay="
                + Duree.millisecondes("cotation.delaiDemarrageSecondes",
                        getContext().resolvePropertyPlaceholders("{{cotation.delaiDemarrageSecondes}}")))
                .routeId("notification-candidats")
                .process(e -> notifications.envoyer(NOTIFICATEUR));
    }
}
