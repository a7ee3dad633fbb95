package org.registrehub.console.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.Demande;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;

/** {@code registre:demande-info NUMERO}: shows one demand. */
@Service
@Command(scope = "registre", name = "demande-info", description = "Affiche une demande à partir de son numéro unique")
public class DemandeInfoCommand implements Action {

    @Reference
    RegistreService registre;

    @Argument(index = 0, name = "numeroUnique", required = true,
            description = "Numéro unique de la demande (18 caractères, ex. 0440324000001G1104)")
    String numeroUnique;

    @Override
    public Object execute() {
        try {
            registre.consulter(numeroUnique).ifPresentOrElse(d -> afficher(d, System.out),
                    () -> System.err.println("Aucune demande ne porte le numéro unique « " + numeroUnique + " »."));
        } catch (RegistreException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }

    static void afficher(Demande d, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Champ");
        table.column("Valeur");
        table.addRow().addContent("Numéro unique", d.numeroUnique());
        table.addRow().addContent("Statut", d.statut());
        table.addRow().addContent("Nom", d.nom());
        table.addRow().addContent("Prénom", d.prenom());
        table.addRow().addContent("Date de naissance", d.dateNaissance());
        table.addRow().addContent("Commune", d.commune());
        table.addRow().addContent("Typologie", d.typologie());
        table.addRow().addContent("Guichet", d.guichet());
        table.addRow().addContent("Date de dépôt", d.dateDepot());
        table.addRow().addContent("Version", d.version());
        table.print(out);
    }
}
