package org.registrehub.console.national.internal;

import java.time.Duration;
import java.time.Instant;
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
import org.registrehub.api.acces.Role;
import org.registrehub.api.national.EtatSynchronisation;
import org.registrehub.api.national.EtatTache;
import org.registrehub.api.national.SynchronisationNationale;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;

/**
 * The national synchronization from the console: {@code registre:synchro-etat}, {@code registre:synchro-lancer} and
 * {@code registre:numerotation}.
 */
final class NationalCommands {

    private NationalCommands() {
    }

    static SynchronisationNationale exiger(SynchronisationNationale s) {
        return Fonctionnalites.exiger(s, "La synchronisation nationale", "registre-synchro-nationale");
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
            Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            EtatSynchronisation e = exiger(synchronisation).etat();
            System.out.println("Événements en attente d'envoi : " + e.enAttente() + " (retard : "
                    + retard(e.plusAncien()) + ")");
            System.out.println("Événements refusés par le registre national : " + e.refuses());
            System.out.println("Circuit vers le registre national : " + e.circuit()
                    + (e.prochainEssai() == null ? "" : ", prochain essai " + Dates.heure(e.prochainEssai())));
            ShellTable t = new ShellTable();
            t.column("Tâche");
            t.column("Dernière réussite");
            t.column("Bilan").maxSize(70).wrap();
            t.column("Dernier échec");
            t.column("Erreur").maxSize(60).wrap();
            t.column("Lu jusqu'au");
            for (EtatTache tache : e.taches()) {
                t.addRow().addContent(tache.tache().name().toLowerCase(Locale.ROOT),
                        Dates.heure(tache.derniereReussite()), tache.bilan() == null ? "-" : tache.bilan(),
                        Dates.heure(tache.dernierEchec()),
                        tache.derniereErreur() == null ? "-" : tache.derniereErreur(),
                        Dates.heure(tache.curseur()));
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
            Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
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
}
