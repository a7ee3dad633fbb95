package org.registrehub.erp.internal;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.Identite;

/**
 * The authentication service as it is now, looked up at each call with a service tracker: when the security bundle
 * is updated in place, the route uses the new service at once (a Blueprint proxy kept a dead reference after such an
 * update, measured by HotDeployIT). While there is none, the register is "unavailable": the message is retried.
 */
public class AuthentificationCourante implements AuthentificationService {

    private final ServiceTracker<AuthentificationService, AuthentificationService> suivi;

    public AuthentificationCourante(BundleContext contexte) {
        this.suivi = new ServiceTracker<>(contexte, AuthentificationService.class, null);
    }

    public void ouvrir() {
        suivi.open();
    }

    public void fermer() {
        suivi.close();
    }

    private AuthentificationService service() {
        AuthentificationService s = suivi.getService();
        if (s == null) {
            throw new RegistreIndisponibleException("Le service d'authentification du registre n'est pas disponible"
                    + " (bundle registre-acces en cours de démarrage ?).", null);
        }
        return s;
    }

    @Override
    public Optional<Identite> authentifier(String identifiant, char[] motDePasse) {
        return service().authentifier(identifiant, motDePasse);
    }

    @Override
    public Optional<Identite> identite(String identifiant) {
        return service().identite(identifiant);
    }

    @Override
    public Optional<Identite> identiteOrganisation(String code) {
        return service().identiteOrganisation(code);
    }
}
