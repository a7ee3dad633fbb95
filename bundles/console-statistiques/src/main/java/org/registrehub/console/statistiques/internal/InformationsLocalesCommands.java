package org.registrehub.console.statistiques.internal;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.Typologie;
import org.registrehub.api.statistiques.InformationCommune;
import org.registrehub.api.statistiques.InformationsLocales;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;

/** The local information per commune from the console: import the social dwellings' file, read a commune's page. */
final class InformationsLocalesCommands {

    private InformationsLocalesCommands() {
    }

    @Service
    @Command(scope = "registre", name = "logements-sociaux-importer", description = "Importe le nombre de logements"
            + " sociaux par commune et par année d'un fichier CSV de type RPLS (UTF-8, « ; », en-tête"
            + " code_commune;libelle_commune;annee;nb_logements_sociaux) : toutes les lignes ou aucune")
    public static class Importer implements Action {

        @Reference(optional = true)
        InformationsLocales informations;

        @Argument(index = 0, name = "fichier", description = "Chemin du fichier CSV", required = true)
        String fichier;

        @Override
        public Object execute() throws Exception {
            Fonctionnalites.exiger(informations, "L'Infocentre", "registre-statistiques");
            Path p = Path.of(fichier);
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                int n = informations.importerLogementsSociaux(r, p.getFileName().toString(), Sessions.contexte());
                System.out.println(n + " commune(s) et année(s) importée(s) de " + p.getFileName() + ".");
            }
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "commune-informations", description = "Ce que le registre publie d'une"
            + " commune : logements sociaux, demandes en attente et attributions des deux dernières années par"
            + " typologie, délai moyen (secret statistique appliqué)")
    public static class Lire implements Action {

        @Reference(optional = true)
        InformationsLocales informations;

        @Argument(index = 0, name = "commune", description = "Code INSEE (44109)", required = true)
        String commune;

        @Override
        public Object execute() {
            Fonctionnalites.exiger(informations, "L'Infocentre", "registre-statistiques");
            InformationCommune c = informations.commune(commune);
            System.out.println(c.commune() + (c.libelle() == null ? "" : " " + c.libelle()) + " : "
                    + (c.logementsSociaux() == null ? "logements sociaux non importés"
                            : c.logementsSociaux() + " logements sociaux (" + c.anneeLogements() + ")")
                    + " ; délai moyen d'attribution : " + (c.delaiMoyenMois() == null
                            ? (c.masques().contains("delaiMoyenMois") ? "secret" : "-") : c.delaiMoyenMois() + " mois"));
            ShellTable t = new ShellTable();
            t.column("Typologie");
            t.column("Demandes en attente").alignRight();
            t.column("Attributions (2 ans)").alignRight();
            for (Typologie ty : Typologie.values()) {
                t.addRow().addContent(ty.name(), cellule(c.demandes(), ty), cellule(c.attributions(), ty));
            }
            t.addRow().addContent("TOTAL", c.demandesTotal() == null ? "secret" : c.demandesTotal(),
                    c.attributionsTotal() == null ? "secret" : c.attributionsTotal());
            t.print(System.out);
            return null;
        }

        private static Object cellule(Map<Typologie, Integer> m, Typologie t) {
            Integer v = m.get(t);
            return v == null ? "secret" : v;
        }
    }
}
