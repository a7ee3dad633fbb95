package org.registrehub.console.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.registrehub.api.acces.Role;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.national.SynchronisationNationale;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;

/**
 * {@code registre:numerotation}: the numbering of the demands, local or national (the national register's client and
 * synchronisation, when installed, are needed to switch to national).
 */
final class NumerotationCommand {

    static final String PID_NUMEROTATION = "org.registrehub.numerotation";

    private NumerotationCommand() {
    }

    /** Completes the numbering modes. */
    @Service
    public static class ModesCompleter implements Completer {
        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return new StringsCompleter(new String[] {"locale", "nationale"}).complete(session, commandLine,
                    candidates);
        }
    }

    @Service
    @Command(scope = "registre", name = "numerotation", description = "Affiche ou change la numérotation des"
            + " demandes : locale (compteurs du hub) ou nationale (numéros obtenus du registre national) ; le"
            + " changement vaut pour l'enregistrement suivant et est gardé dans etc/org.registrehub.numerotation.cfg")
    public static class Numerotation implements Action {

        @Reference
        ConfigurationAdmin configurations;

        @Reference(optional = true)
        RegistreNational national;

        @Reference(optional = true)
        SynchronisationNationale synchronisation;

        @Argument(index = 0, name = "mode", description = "locale ou nationale (sans argument : le mode actuel)")
        @Completion(ModesCompleter.class)
        String mode;

        @Override
        public Object execute() throws IOException {
            Sessions.exigerRole(Role.ADMIN);
            Configuration c = configurations.getConfiguration(PID_NUMEROTATION, null);
            Dictionary<String, Object> proprietes = c.getProperties() == null ? new Hashtable<>()
                    : c.getProperties();
            Object actuel = proprietes.get("mode");
            String avant = actuel == null ? "locale" : actuel.toString().strip().toLowerCase(Locale.ROOT);
            if (mode == null) {
                System.out.println("Numérotation " + avant + (national == null ? " (client du registre national"
                        + " absent : registre-synchro-nationale n'est pas installé)" : ""));
                return null;
            }
            String voulu = mode.strip().toLowerCase(Locale.ROOT);
            if (!voulu.equals("locale") && !voulu.equals("nationale")) {
                throw new IllegalArgumentException("Mode inconnu : " + mode + " (locale ou nationale)");
            }
            if (voulu.equals("nationale") && national == null) {
                throw new IllegalStateException("Numérotation nationale impossible : le client du registre national"
                        + " n'est pas démarré (feature:install registre-synchro-nationale, et national.url dans"
                        + " etc/org.registrehub.national.cfg).");
            }
            if (voulu.equals("nationale") && !avant.equals("nationale")) {
                // the national register must know every number the hub gave before it gives numbers itself
                SynchronisationNationale s = Fonctionnalites.exiger(synchronisation, "La synchronisation nationale",
                        "registre-synchro-nationale");
                System.out.println(s.executer(TacheNationale.ENVOI));
                long restants = s.etat().enAttente();
                if (restants > 0) {
                    throw new IllegalStateException("Numérotation inchangée : " + restants + " événement(s) pas"
                            + " encore transmis au registre national, qui pourrait redonner les numéros locaux"
                            + " qu'ils portent ; réessayez quand registre:synchro-etat n'en montre plus.");
                }
            }
            proprietes.put("mode", voulu);
            c.update(proprietes);
            System.out.println("Numérotation " + avant + " → " + voulu + " (prochain enregistrement)");
            return null;
        }
    }
}
