package org.registrehub.console.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.registrehub.api.acces.Role;
import org.registrehub.api.national.EtatSynchronisation;
import org.registrehub.api.national.EtatTache;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.national.SynchronisationNationale;
import org.registrehub.api.national.TacheNationale;

/**
 * The national synchronization from the console: {@code registre:synchro-etat}, {@code registre:synchro-lancer} and
 * {@code registre:numerotation}.
 */
final class NationalCommands {

    static final String PID_NUMEROTATION = "org.registrehub.numerotation";

    private NationalCommands() {
    }

    static SynchronisationNationale exiger(SynchronisationNationale s) {
        if (s == null) {
            throw new IllegalStateException("La synchronisation nationale n'est pas installée"
                    + " (feature:install registre-synchro-nationale).");
        }
        return s;
    }

    static String retard(Instant plusAncien) {
        if (plusAncien == null) {
            return "aucun";
        }
        Duration d = Duration.between(plusAncien, Instant.now());
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    @Service
    @Command(scope = "registre", name = "synchro-etat", description = "Synchronisation avec le registre national :"
            + " événements en attente et retard, refus, circuit, dernière réussite et dernier échec de chaque tâche")
    public static class Status implements Action {

        @Reference(optional = true)
        SynchronisationNationale synchronisation;

        @Override
        public Object execute() {
            ErpCommands.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            EtatSynchronisation e = exiger(synchronisation).etat();
            System.out.println("Événements en attente d'envoi : " + e.enAttente() + " (retard : "
                    + retard(e.plusAncien()) + ")");
            System.out.println("Événements refusés par le registre national : " + e.refuses());
            System.out.println("Circuit vers le registre national : " + e.circuit()
                    + (e.prochainEssai() == null ? "" : ", prochain essai " + ErpCommands.heure(e.prochainEssai())));
            ShellTable t = new ShellTable();
            t.column("Tâche");
            t.column("Dernière réussite");
            t.column("Bilan").maxSize(70).wrap();
            t.column("Dernier échec");
            t.column("Erreur").maxSize(60).wrap();
            t.column("Lu jusqu'au");
            for (EtatTache tache : e.taches()) {
                t.addRow().addContent(tache.tache().name().toLowerCase(Locale.ROOT),
                        ErpCommands.heure(tache.derniereReussite()), tache.bilan() == null ? "-" : tache.bilan(),
                        ErpCommands.heure(tache.dernierEchec()),
                        tache.derniereErreur() == null ? "-" : tache.derniereErreur(),
                        ErpCommands.heure(tache.curseur()));
            }
            t.print(System.out);
            return null;
        }
    }

    /** Completes the task names of synchro-lancer. */
    @Service
    public static class TachesCompleter implements Completer {
        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            StringsCompleter s = new StringsCompleter();
            for (TacheNationale t : TacheNationale.values()) {
                s.getStrings().add(t.name().toLowerCase(Locale.ROOT));
            }
            return s.complete(session, commandLine, candidates);
        }
    }

    @Service
    @Command(scope = "registre", name = "synchro-lancer", description = "Lance maintenant une tâche de la synchronisation"
            + " nationale : envoi, radiations, doublons, dalo, reconciliation (et affiche son bilan ou son rapport) ;"
            + " rapport : réaffiche le dernier rapport de réconciliation")
    public static class Run implements Action {

        @Reference(optional = true)
        SynchronisationNationale synchronisation;

        @Argument(index = 0, name = "tache", required = true, description = "envoi, radiations, doublons, dalo,"
                + " reconciliation ou rapport")
        @Completion(TachesCompleter.class)
        String tache;

        @Override
        public Object execute() {
            ErpCommands.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            SynchronisationNationale s = exiger(synchronisation);
            if ("rapport".equalsIgnoreCase(tache.strip())) {
                System.out.print(s.dernierRapport());
                return null;
            }
            TacheNationale t;
            try {
                t = TacheNationale.valueOf(tache.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Tâche inconnue : " + tache + " (envoi, radiations, doublons, dalo,"
                        + " reconciliation ou rapport)");
            }
            String bilan = s.executer(t);
            System.out.println(bilan.endsWith("\n") ? bilan.substring(0, bilan.length() - 1) : bilan);
            return null;
        }
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
            ErpCommands.exigerRole(Role.ADMIN);
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
                SynchronisationNationale s = exiger(synchronisation);
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
