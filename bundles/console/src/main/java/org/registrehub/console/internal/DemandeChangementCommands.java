package org.registrehub.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.RegistreService;
import org.registrehub.console.commun.NumeroUniqueCompleter;
import org.registrehub.console.commun.Sessions;

/**
 * A guichet that receives the applicant renews or reactivates the demand: {@code registre:demande-renouveler} and
 * {@code registre:demande-reactiver} (the register's life cycle, whatever capabilities are installed).
 */
final class DemandeChangementCommands {

    private DemandeChangementCommands() {
    }

    /** A change of a demand's life cycle from the console, at the version given or the current one. */
    abstract static class ChangementDemande implements Action {

        @Reference
        RegistreService registre;

        @Argument(index = 0, name = "numeroUnique", required = true, description = "Numéro unique de la demande")
        @Completion(NumeroUniqueCompleter.class)
        String numero;

        @Option(name = "--version", description = "Version lue (par défaut la version actuelle)")
        Long version;

        abstract Demande appliquer(long version, org.registrehub.api.Contexte contexte);

        /** {@code renouvelée}, {@code réactivée}. */
        abstract String fait();

        @Override
        public Object execute() {
            var ctx = Sessions.contexte();
            Demande d = appliquer(version != null ? version : lire(registre, numero).version(), ctx);
            System.out.println("Demande " + d.numeroUnique() + " " + fait() + " : valable jusqu'au "
                    + d.dateValidite() + " (déposée le " + d.dateDepot() + ", version " + d.version() + ").");
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "demande-renouveler", description = "Renouvelle une demande active pour un an à"
            + " compter d'aujourd'hui (numéro et ancienneté conservés)")
    public static class Renouveler extends ChangementDemande {

        @Override
        Demande appliquer(long v, org.registrehub.api.Contexte contexte) {
            return registre.renouveler(numero, v, null, contexte);
        }

        @Override
        String fait() {
            return "renouvelée";
        }
    }

    @Service
    @Command(scope = "registre", name = "demande-reactiver", description = "Réactive une demande radiée pour"
            + " non-renouvellement, pendant le délai de grâce (numéro et ancienneté conservés)")
    public static class Reactiver extends ChangementDemande {

        @Override
        Demande appliquer(long v, org.registrehub.api.Contexte contexte) {
            return registre.reactiver(numero, v, contexte);
        }

        @Override
        String fait() {
            return "réactivée";
        }
    }

    private static Demande lire(RegistreService registre, String numero) {
        return registre.consulter(numero, Sessions.contexte()).orElseThrow(() ->
                new DemandeIntrouvableException(numero));
    }
}
