package org.registrehub.routes.erp.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsConsumer;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EtatSante.Statut;
import org.registrehub.api.SanteService;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * Component {@code erp-bailleurs}: UP when the queues of every active landlord and guichet are in place and each
 * inbound queue has its consumer registered on the broker, so that a message sent now is read now.
 */
public class SanteErp implements SanteService {

    static final String COMPOSANT = "erp-bailleurs";

    private final OrganisationsErp organisations;
    private volatile EtatSante dernier = new EtatSante(COMPOSANT, Statut.STARTING, "", Instant.now());

    public SanteErp(OrganisationsErp organisations) {
        this.organisations = organisations;
    }

    @Override
    public EtatSante etat() {
        Set<String> codes = organisations.synchronisees();
        CamelContext camel = organisations.camel();
        String echec = organisations.dernierEchec();
        Instant maintenant = Instant.now();
        if (echec != null) {
            dernier = dernier.suivant(Statut.DOWN, "synchronisation des files ERP impossible : " + echec, maintenant);
        } else if (codes == null || camel == null) {
            dernier = dernier.suivant(Statut.STARTING, "première synchronisation des files ERP en attente",
                    maintenant);
        } else {
            List<String> enAttente = codes.stream().filter(c -> !consommee(camel, c)).toList();
            dernier = enAttente.isEmpty()
                    ? dernier.suivant(Statut.UP, "files de " + codes.size() + " organisation(s) consommées", maintenant)
                    : dernier.suivant(Statut.STARTING, "consommateur pas encore inscrit auprès du broker pour "
                            + String.join(", ", enAttente), maintenant);
        }
        return dernier;
    }

    /** Its route is started and its listener holds a consumer on the broker (not only a connection attempt). */
    static boolean consommee(CamelContext camel, String organisation) {
        Route route = camel.getRoute(RouteEntranteErp.routeId(organisation));
        if (route == null || !camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
            return false;
        }
        if (!(route.getConsumer() instanceof JmsConsumer jms)) {
            return true;
        }
        try {
            return !(jms.getListenerContainer() instanceof DefaultMessageListenerContainer conteneur)
                    || conteneur.isRegisteredWithDestination();
        } catch (Exception e) {
            return false;
        }
    }
}
