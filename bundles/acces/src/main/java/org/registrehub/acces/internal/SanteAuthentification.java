package org.registrehub.acces.internal;

import java.time.Instant;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;
import org.registrehub.api.acces.AuthentificationService;

/**
 * Component {@code authentification}: UP when the JAAS realm {@code registre} answers the lookup every channel makes
 * before a login (REST, SOAP, the console over SSH, the broker), and is this bundle's realm. Registered only while
 * the authentication service is there; between a configuration change or an update of this bundle and the realm's
 * return, the hub's health says the component restarts.
 */
@Component(service = SanteService.class, property = SanteService.PROPRIETE_COMPOSANT + "="
        + SanteAuthentification.COMPOSANT)
public class SanteAuthentification implements SanteService {

    static final String COMPOSANT = "authentification";

    private final Instant depuis = Instant.now();

    @Activate
    public SanteAuthentification(@Reference AuthentificationService authentification) {
        // the reference ties this registration to the service the realm hands to its login module
    }

    @Override
    public EtatSante etat() {
        AppConfigurationEntry[] entrees = Configuration.getConfiguration()
                .getAppConfigurationEntry(RegistreRealm.NOM);
        if (entrees == null || entrees.length == 0) {
            return new EtatSante(COMPOSANT, EtatSante.Statut.STARTING, "royaume JAAS « " + RegistreRealm.NOM
                    + " » pas encore publié : les connexions (REST, SOAP, console, broker) attendent", depuis);
        }
        boolean lenotre = entrees[0].getOptions().containsKey(RegistreRealm.OPTION_SERVICE);
        if (!lenotre) {
            return new EtatSante(COMPOSANT, EtatSante.Statut.DOWN, "le royaume JAAS « " + RegistreRealm.NOM
                    + " » n'est pas celui du registre (un autre royaume porte ce nom)", depuis);
        }
        return new EtatSante(COMPOSANT, EtatSante.Statut.UP, "royaume JAAS « " + RegistreRealm.NOM
                + " » prêt (comptes du registre)", depuis);
    }
}
