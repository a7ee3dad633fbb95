package org.registrehub.routes.erp.internal;

import java.time.Instant;

import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.JMSException;
import javax.jms.JMSSecurityException;

import org.registrehub.api.EtatSante;
import org.registrehub.api.EtatSante.Statut;
import org.registrehub.api.SanteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Component {@code broker}: whether the broker accepts logins now. Checked by the route {@code erp-organisations} at
 * each of its rounds with a connection of the hub's internal account, which the broker checks through the realm
 * {@code registre} as it checks the landlords' accounts.
 */
public class SanteBroker implements SanteService {

    static final String COMPOSANT = "broker";
    private static final Logger LOG = LoggerFactory.getLogger(SanteBroker.class);

    private final ConnectionFactory connexions;
    private final String url;
    private volatile EtatSante etat = new EtatSante(COMPOSANT, Statut.STARTING, "première connexion au broker en"
            + " attente", Instant.now());

    public SanteBroker(ConnectionFactory connexions, String url) {
        this.connexions = connexions;
        this.url = url;
    }

    @Override
    public EtatSante etat() {
        return etat;
    }

    /** Opens and closes one connection; records the outcome. */
    public void verifier() {
        try (Connection c = connexions.createConnection()) {
            c.start();
            changer(Statut.UP, "le broker accepte les connexions (" + url + ")");
        } catch (JMSSecurityException e) {
            changer(Statut.DOWN, "le broker refuse la connexion du hub (" + url + ") : " + e.getMessage());
        } catch (JMSException | RuntimeException e) {
            changer(Statut.DOWN, "broker injoignable (" + url + ") : " + e.getMessage());
        }
    }

    private void changer(Statut statut, String message) {
        EtatSante avant = etat;
        if (avant.statut() != statut) {
            if (statut == Statut.UP) {
                LOG.info("Broker : {}", message);
            } else {
                LOG.warn("Broker : {}", message);
            }
        }
        etat = avant.suivant(statut, message, Instant.now());
    }
}
