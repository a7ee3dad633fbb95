package org.registrehub.routes.attestation.internal;

import java.util.Set;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.AvisDemandeService;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.planification.Duree;

/**
 * {@code avis-demandeurs}: every {@code avis.periodeSecondes}, on every node, sends the notices to the applicants
 * waiting (the attestation the day of the registration, the radiation with its reason) through the attestation
 * capability's service; each notice is claimed by one node. A database away waits for the next turn.
 */
public class AvisRoutes extends RouteBuilder {

    static final Contexte ENVOYEUR = new Contexte(new Identite("avis:planificateur", new Organisation("HUB",
            TypeOrganisation.HUB, "Envoi des avis aux demandeurs", null, true, Set.of()), Set.of(Role.ADMIN)),
            Canal.CONSOLE);

    private final AvisDemandeService avis;

    public AvisRoutes(AvisDemandeService avis) {
        this.avis = avis;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhaustedMessageHistory(false));
        onException(RegistreIndisponibleException.class).handled(true)
                .log(LoggingLevel.WARN, "${routeId} : en attente du registre : ${exception.message}");
        from("timer:avis-demandeurs?period=" + Duree.millisecondes("avis.periodeSecondes",
                getContext().resolvePropertyPlaceholders("{{avis.periodeSecondes}}")) + "&delay="
                + Duree.millisecondes("avis.delaiDemarrageSecondes",
                        getContext().resolvePropertyPlaceholders("{{avis.delaiDemarrageSecondes}}")))
                .routeId("avis-demandeurs")
                .process(e -> avis.envoyer(ENVOYEUR));
    }
}
