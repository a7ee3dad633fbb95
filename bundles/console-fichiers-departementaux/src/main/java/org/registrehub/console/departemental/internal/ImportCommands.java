package org.registrehub.console.departemental.internal;

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
import org.registrehub.api.ImportExtraits;
import org.registrehub.api.acces.Role;
import org.registrehub.api.TravailImport;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;

/** Departmental extracts from the console: {@code registre:import-lancer} and {@code registre:import-etat}. */
final class ImportCommands {

    private ImportCommands() {
    }

    static ImportExtraits exiger(ImportExtraits imports) {
        return Fonctionnalites.exiger(imports, "L'import des extraits départementaux", "registre-fichiers-departementaux");
    }

    @Service
    @Command(scope = "registre", name = "import-lancer", description = "Importe un extrait d'un fichier départemental (CSV"
            + " ou XML, UTF-8 ou Latin-1) par lots : progression affichée, rejets dans un rapport, reprise après un"
            + " arrêt ; un extrait déjà importé n'est pas relu (--forcer)")
    public static class Importer implements Action {

        @Reference(optional = true)
        ImportExtraits imports;

        @Argument(index = 0, name = "fichier", required = true, description = "Extrait (.csv, .txt ou .xml) du"
                + " dossier d'import du hub (import.repertoire) : son nom, ou son chemin dans ce dossier")
        @Completion(FileCompleter.class)
        String fichier;

        @Option(name = "--encodage", aliases = "-e", description = "UTF-8 ou ISO-8859-1 (par défaut : détecté)")
        String encodage;

        @Option(name = "--forcer", description = "Relit un extrait déjà importé (les lignes déjà importées sont"
                + " comptées comme telles, rien n'est créé deux fois)")
        boolean forcer;

        @Override
        public Object execute() {
            var contexte = Sessions.contexte();
            Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            TravailImport t = exiger(imports).importer(Path.of(fichier), encodage, forcer, contexte,
                    texte -> {
                        System.out.println(texte);
                        System.out.flush();
                    });
            if (TravailImport.ECHEC.equals(t.etat())) {
                throw new IllegalStateException("Import " + t.id() + " en échec : " + t.erreur());
            }
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "import-etat", description = "Les derniers imports d'extraits"
            + " départementaux : état, lignes traitées, importées, déjà importées, rejetées ; --rejets ID écrit et"
            + " affiche le rapport des rejets d'un import")
    public static class Etat implements Action {

        @Reference(optional = true)
        ImportExtraits imports;

        @Option(name = "--rejets", aliases = "-r", description = "Écrit le rapport des rejets de cet import et"
                + " donne son chemin")
        Long rejets;

        @Option(name = "--nombre", aliases = "-n", description = "Nombre d'imports listés (20)")
        int nombre = 20;

        @Override
        public Object execute() {
            Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            ImportExtraits i = exiger(imports);
            if (rejets != null) {
                System.out.println("Rapport des rejets de l'import " + rejets + " : " + i.rapportRejets(rejets, Sessions.contexte()));
                return null;
            }
            List<TravailImport> travaux = i.travaux(nombre);
            ShellTable t = new ShellTable();
            t.column("Import").alignRight();
            t.column("Fichier").maxSize(50);
            t.column("Format");
            t.column("État");
            t.column("Lignes").alignRight();
            t.column("Importées").alignRight();
            t.column("Déjà").alignRight();
            t.column("Rejetées").alignRight();
            t.column("Début");
            t.column("Fin");
            t.column("Erreur").maxSize(60).wrap();
            for (TravailImport x : travaux) {
                t.addRow().addContent(x.id(), Path.of(x.fichier()).getFileName(), x.format() + " " + x.encodage(),
                        x.etat(), x.position(), x.importees(), x.dejaImportees(), x.rejetees(),
                        Dates.heure(x.debut()), Dates.heure(x.fin()), x.erreur() == null ? "-"
                                : x.erreur());
            }
            t.print(System.out);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "extrait-produire", description = "Produit maintenant l'extrait des changements pour"
            + " les systèmes départementaux (CSV, sans donnée nominative ; sinon chaque jour à extrait.heure)")
    public static class Extrait implements Action {

        @Reference(optional = true)
        org.registrehub.api.ExtraitsSortants extraits;

        @Override
        public Object execute() {
            Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            if (extraits == null) {
                throw new IllegalStateException("Les extraits départementaux ne sont pas installés"
                        + " (feature:install registre-fichiers-departementaux).");
            }
            System.out.println(extraits.produire());
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "correspondance", description = "Le numéro unique d'une demande importée"
            + " d'après son ancien numéro départemental, ou l'inverse")
    public static class Correspondance implements Action {

        @Reference(optional = true)
        ImportExtraits imports;

        @Argument(index = 0, name = "numero", required = true, description = "Ancien numéro départemental ou"
                + " numéro unique")
        String numero;

        @Override
        public Object execute() {
            Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            String[] c = exiger(imports).correspondance(numero, Sessions.contexte()).orElseThrow(() -> new IllegalArgumentException(
                    "Aucune demande importée ne porte le numéro " + numero.strip()));
            System.out.println("Numéro unique " + c[0] + " ← ancien numéro départemental " + c[1]);
            return null;
        }
    }
}
