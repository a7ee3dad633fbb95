package org.registrehub.routes.erp.internal;

import org.apache.qpid.jms.JmsConnectionExtensions;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.registrehub.api.acces.CompteInterne;

/**
 * The connection factory of the hub's internal broker account: the login and the secret are asked of the
 * {@link CompteInterne} service (a Blueprint proxy: the service as it is now) at each new connection, so that a secret
 * drawn again by an update of registre-acces is used at the next reconnection. The secret is kept nowhere else.
 */
public final class FabriqueInterne {

    private FabriqueInterne() {
    }

    public static JmsConnectionFactory creer(CompteInterne compte, String url) {
        JmsConnectionFactory fabrique = new JmsConnectionFactory(url);
        fabrique.setExtension(JmsConnectionExtensions.USERNAME_OVERRIDE.toString(), (c, u) -> compte.identifiant());
        fabrique.setExtension(JmsConnectionExtensions.PASSWORD_OVERRIDE.toString(), (c, u) -> compte.motDePasse());
        return fabrique;
    }
}
