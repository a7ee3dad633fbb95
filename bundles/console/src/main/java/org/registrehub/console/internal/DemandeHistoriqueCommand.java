package org.registrehub.console.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.Changement;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.RegistreService;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.NumeroUniqueCompleter;

/** {@code registre:demande-historique NUMERO}: every change of a demand, who made it, when, how, and what changed. */
@Service
@Command(scope = "registre", name = "demande-historique",
        description = "Historique d'une demande : qui, quand, par quel canal, quels champs")
public class DemandeHistoriqueCommand implements Action {

    private static final DateTimeFormatter HEURE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));

    @Reference
    RegistreService registre;

    @Argument(index = 0, name = "numeroUnique", required = true,
            description = "Numéro unique de la demande (18 caractères, ex. 0440324000001G1104)")
    @Completion(NumeroUniqueCompleter.class)
    String numeroUnique;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Version");
        table.column("Horodatage (Paris)");
        table.column("Opération");
        table.column("Acteur");
        table.column("Canal");
        table.column("Changements").maxSize(80).wrap();
        for (EntreeHistorique e : registre.historique(numeroUnique, Sessions.contexte())) {
            String changements = e.changements().stream().map(DemandeHistoriqueCommand::changement)
                    .collect(Collectors.joining("\n"));
            if (e.commentaire() != null) {
                changements = (changements.isEmpty() ? "" : changements + "\n") + "« " + e.commentaire() + " »";
            }
            table.addRow().addContent(e.version(), HEURE.format(e.horodatage()), e.operation(), e.acteur(),
                    e.canal(), changements.isEmpty() ? "-" : changements);
        }
        table.print(System.out);
        return null;
    }

    static String changement(Changement c) {
        return c.champ() + " : " + (c.avant() == null ? "∅" : c.avant()) + " → " + (c.apres() == null ? "∅" : c.apres());
    }
}
