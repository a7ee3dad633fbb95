package org.registrehub.console.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.EtatSante;
import org.registrehub.api.SanteService;

/**
 * Component {@code console}: UP when the shell has the {@code registre:*} commands. Karaf registers a bundle's
 * commands together, once every service they require is there, and withdraws them together when one goes: until
 * then an administrator would get "Command not found".
 */
@Component(service = SanteService.class, property = SanteService.PROPRIETE_COMPOSANT + "=" + SanteConsole.COMPOSANT)
public class SanteConsole implements SanteService {

    static final String COMPOSANT = "console";
    static final String SCOPE = "registre";
    /** A command of this bundle (registre:sante belongs to the bundle registre-sante). */
    static final String TEMOIN = "demande-rechercher";

    private final SessionFactory shell;
    private volatile EtatSante dernier = new EtatSante(COMPOSANT, EtatSante.Statut.STARTING, "", Instant.now());

    @Activate
    public SanteConsole(@Reference SessionFactory shell) {
        this.shell = shell;
    }

    @Override
    public EtatSante etat() {
        boolean enregistrees = shell.getRegistry().getCommand(SCOPE, TEMOIN) != null;
        long commandes = shell.getRegistry().getCommands().stream().filter(c -> SCOPE.equals(c.getScope())).count();
        EtatSante.Statut statut = enregistrees ? EtatSante.Statut.UP : EtatSante.Statut.STARTING;
        String message = enregistrees ? "commandes " + SCOPE + ":* disponibles (" + commandes + ")"
                : "commandes " + SCOPE + ":* (hors " + SCOPE + ":health) absentes : Karaf attend les services"
                + " qu'elles utilisent (voir les autres composants)";
        dernier = dernier.suivant(statut, message, Instant.now());
        return dernier;
    }
}
