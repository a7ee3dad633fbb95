package org.registrehub.routes.campagne.internal;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.registrehub.api.planification.Duree;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.renouvellement.CampagneRenouvellement;

/**
 * {@code campagne-renouvellement}: every {@code campagne.verificationSecondes}, on every node, starts (or resumes) today's
 * campaign once its hour has come and while it is not finished, through the campaign service; the day's lease in the
 * database lets one node run it, the others find it taken. A campaign stopped by an error (SMTP server or database unreachable) is resumed by
 * the next check.
 */
public class CampagneRoutes extends RouteBuilder {

    static final Contexte PLANIFICATEUR = new Contexte(new Identite("campagne:planificateur", new Organisation("HUB",
            TypeOrganisation.HUB, "Planificateur de la campagne de renouvellement", null, true, Set.of()),
            Set.of(Role.ADMIN)), Canal.CAMPAGNE);

    private final CampagneRenouvellement campagne;

    public CampagneRoutes(CampagneRenouvellement campagne) {
        this.campagne = campagne;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhaustedMessageHistory(false));
        onException(RegistreIndisponibleException.class).handled(true)
                .log(org.apache.camel.LoggingLevel.WARN, "Campagne de renouvellement en attente du registre : "
                        + "${exception.message}");

        from("timer:campagne-renouvellement?period=" + ms("campagne.verificationSecondes")
                + "&delay=" + ms("campagne.delaiDemarrageSecondes"))
                .routeId("campagne-renouvellement")
                .filter(e -> campagne.echue())
                .process(e -> campagne.executer(PLANIFICATEUR, texte -> { }));
    }

    /** A duration key of this capability's PID (seconds, decimal allowed), in milliseconds for a timer. */
    private long ms(String cle) {
        return Duree.millisecondes(cle, getContext().resolvePropertyPlaceholders("{{" + cle + "}}"));
    }
}
