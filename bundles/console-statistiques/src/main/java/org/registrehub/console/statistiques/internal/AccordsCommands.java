package org.registrehub.console.statistiques.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.statistiques.LigneAccord;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;

/** The accords collectifs' targets from the console: read a year's, declare one. */
final class AccordsCommands {

    private AccordsCommands() {
    }

    static void imprimer(java.util.List<LigneAccord> accords) {
        ShellTable t = new ShellTable();
        t.column("Département");
        t.column("Bailleur");
        t.column("Année").alignRight();
        t.column("Objectif").alignRight();
        t.column("Réalisé").alignRight();
        t.column("Taux %").alignRight();
        for (LigneAccord a : accords) {
            t.addRow().addContent(a.territoire(), a.bailleur(), a.annee(), a.objectif(), a.realise(),
                    a.taux() == null ? "-" : a.taux());
        }
        t.print(System.out);
    }

    @Service
    @Command(scope = "registre", name = "statistiques-accords", description = "Les objectifs des accords collectifs"
            + " d'une année (ménages prioritaires à loger par bailleur) et les attributions qui les remplissent")
    public static class Lister implements Action {

        @Reference(optional = true)
        StatistiquesService statistiques;

        @Argument(index = 0, name = "annee", description = "Année (par défaut l'année en cours)")
        Integer annee;

        @Override
        public Object execute() {
            Fonctionnalites.exiger(statistiques, "L'Infocentre", "registre-statistiques");
            imprimer(statistiques.accords(annee == null ? LocalDate.now(ZoneId.of("Europe/Paris")).getYear() : annee,
                    Sessions.contexte()));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "statistiques-accord-definir", description = "Fixe (ou remplace) l'objectif"
            + " d'un bailleur dans un département pour une année : nombre de ménages prioritaires à loger"
            + " (gestionnaire du département)")
    public static class Definir implements Action {

        @Reference(optional = true)
        StatistiquesService statistiques;

        @Argument(index = 0, name = "departement", description = "Département (044)", required = true)
        String departement;

        @Argument(index = 1, name = "bailleur", description = "Code du bailleur, celui que portent ses baux",
                required = true)
        String bailleur;

        @Argument(index = 2, name = "annee", description = "Année", required = true)
        int annee;

        @Argument(index = 3, name = "objectif", description = "Ménages prioritaires à loger dans l'année",
                required = true)
        long objectif;

        @Override
        public Object execute() {
            Fonctionnalites.exiger(statistiques, "L'Infocentre", "registre-statistiques");
            imprimer(java.util.List.of(statistiques.definirAccord(departement, bailleur, annee, objectif,
                    Sessions.contexte())));
            return null;
        }
    }
}
