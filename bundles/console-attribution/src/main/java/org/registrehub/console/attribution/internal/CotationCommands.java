package org.registrehub.console.attribution.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.CotationDemande;
import org.registrehub.api.attribution.CotationService;
import org.registrehub.api.attribution.CritereCotation;
import org.registrehub.api.attribution.GrilleCotation;
import org.registrehub.api.attribution.PointsCritere;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.console.commun.Dates;
import org.registrehub.console.commun.NumeroUniqueCompleter;
import org.registrehub.console.commun.Sessions;

/**
 * The cotation from the console: {@code registre:cotation} (a demand's), {@code registre:cotation-grille},
 * {@code registre:cotation-definir} (a new version from a JSON file) and {@code registre:cotation-mettre-a-jour}.
 */
final class CotationCommands {

    private CotationCommands() {
    }

    static void imprimer(GrilleCotation g) {
        System.out.printf("Grille de cotation %s, version %d, définie le %s par %s (%s)%s%n", g.territoire(),
                g.version(), Dates.heure(g.creeLe()), g.acteur(), g.organisation(), g.appliqueeLe() == null
                        ? " — en cours d'application" : "");
        ShellTable t = new ShellTable();
        t.column("Code");
        t.column("Libellé");
        t.column("Type");
        t.column("Valeur");
        t.column("Points").alignRight();
        t.column("Plafond").alignRight();
        for (CritereCotation c : g.criteres()) {
            t.addRow().addContent(c.code(), c.libelle(), c.type(), c.valeur() == null ? "-" : c.valeur(), c.points(),
                    c.plafond() == null ? "-" : c.plafond());
        }
        t.print(System.out);
    }

    @Service
    @Command(scope = "registre", name = "cotation", description = "La cotation d'une demande en attente : ses points"
            + " critère par critère, sa position parmi les demandes de même commune et typologie, le délai moyen"
            + " d'attribution des demandes semblables")
    public static class Demande implements Action {

        @Reference(optional = true)
        CotationService cotation;

        @Argument(index = 0, name = "numeroUnique", description = "Numéro unique de la demande", required = true)
        @Completion(NumeroUniqueCompleter.class)
        String numero;

        @Override
        public Object execute() {
            CotationDemande c = LogementCommands.exiger(cotation).cotation(numero, Sessions.contexte());
            System.out.printf("Demande %s le %s : %d point(s)%s%n", c.numeroUnique(), c.jour(), c.points(),
                    c.territoireGrille() == null ? " (aucune grille de cotation sur son territoire)"
                            : " (grille " + c.territoireGrille() + ", version " + c.versionGrille() + ")");
            if (!c.detail().isEmpty()) {
                ShellTable t = new ShellTable();
                t.column("Critère");
                t.column("Libellé");
                t.column("Points").alignRight();
                for (PointsCritere p : c.detail()) {
                    t.addRow().addContent(p.code(), p.libelle(), p.points());
                }
                t.print(System.out);
            }
            System.out.printf("Position %d sur %d demande(s) en attente pour un %s à %s%n", c.position(),
                    c.demandesComparees(), c.typologie(), c.commune());
            System.out.println(c.delaiMoyenMois() == null ? "Aucune attribution de demande semblable sur 12 mois"
                    : c.attributionsSimilaires() + " attribution(s) de demandes semblables sur 12 mois, après "
                            + c.delaiMoyenMois() + " mois d'attente en moyenne");
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "cotation-grille", description = "La grille de cotation en vigueur d'un"
            + " territoire (département ou EPCI), ou toutes ses versions")
    public static class Grille implements Action {

        @Reference(optional = true)
        CotationService cotation;

        @Argument(index = 0, name = "territoire", description = "Département (044) ou EPCI (SIREN)", required = true)
        String territoire;

        @Option(name = "--versions", description = "Toutes les versions, la plus récente d'abord")
        boolean versions;

        @Override
        public Object execute() {
            CotationService service = LogementCommands.exiger(cotation);
            List<GrilleCotation> grilles = versions ? service.versions(territoire, Sessions.contexte())
                    : service.grille(territoire, Sessions.contexte()).map(List::of).orElse(List.of());
            if (grilles.isEmpty()) {
                System.out.println("Aucune grille de cotation pour " + territoire
                        + " : registre:cotation-definir " + territoire + " grille.json");
            }
            grilles.forEach(CotationCommands::imprimer);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "cotation-definir", description = "Définit une nouvelle version de la grille"
            + " de cotation d'un territoire depuis un fichier JSON {\"criteres\": […]} et l'applique aux demandes en"
            + " attente")
    public static class Definir implements Action {

        @Reference(optional = true)
        CotationService cotation;

        @Reference
        JsonCodec json;

        @Argument(index = 0, name = "territoire", description = "Département (044) ou EPCI (SIREN)", required = true)
        String territoire;

        @Argument(index = 1, name = "fichier", description = "Fichier JSON de la grille", required = true)
        @Completion(FileCompleter.class)
        String fichier;

        /** The file's shape, as the REST body. */
        public record Definition(List<CritereCotation> criteres) {
        }

        @Override
        public Object execute() throws IOException {
            Sessions.exigerRole(Role.GESTIONNAIRE);
            CotationService service = LogementCommands.exiger(cotation);
            Path p = Path.of(fichier);
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("Fichier illisible : " + p.toAbsolutePath());
            }
            Definition d = json.lire(Files.readString(p, StandardCharsets.UTF_8), Definition.class);
            GrilleCotation g = service.definirGrille(territoire, d == null ? null : d.criteres(),
                    Sessions.contexte());
            imprimer(g);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "cotation-mettre-a-jour", description = "Fait maintenant la mise à jour"
            + " quotidienne de la cotation (points d'ancienneté, grilles non encore appliquées)")
    public static class MettreAJour implements Action {

        @Reference(optional = true)
        CotationService cotation;

        @Override
        public Object execute() {
            Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            long n = LogementCommands.exiger(cotation).mettreAJour(Sessions.contexte());
            System.out.println(n + " demande(s) aux points changés");
            return null;
        }
    }
}
