package org.registrehub.console.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.Demande;
import org.registrehub.api.Dossier;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Ressource;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.NumeroUniqueCompleter;

/** {@code registre:demande-fiche NUMERO}: shows one demand. */
@Service
@Command(scope = "registre", name = "demande-fiche", description = "Affiche une demande à partir de son numéro unique")
public class DemandeFicheCommand implements Action {

    @Reference
    RegistreService registre;

    @Argument(index = 0, name = "numeroUnique", required = true,
            description = "Numéro unique de la demande (18 caractères, ex. 0440324000001G1104)")
    @Completion(NumeroUniqueCompleter.class)
    String numeroUnique;

    @Override
    public Object execute() {
        // errors are thrown: the shell prints them on every kind of session (local console, SSH, bin/client)
        Demande demande = registre.consulter(numeroUnique, Sessions.contexte()).orElseThrow(() -> new IllegalArgumentException(
                "Aucune demande ne porte le numéro unique « " + numeroUnique + " »."));
        afficher(demande, System.out);
        return null;
    }

    static void afficher(Demande d, PrintStream out) {
        Dossier x = d.dossier();
        ShellTable table = new ShellTable();
        table.column("Champ");
        table.column("Valeur").maxSize(90).wrap();
        table.addRow().addContent("Numéro unique", d.numeroUnique());
        table.addRow().addContent("Statut", d.statut());
        table.addRow().addContent("Territoire / guichet", d.territoire() + " / " + d.guichet());
        table.addRow().addContent("Date de dépôt", d.dateDepot());
        table.addRow().addContent("Valable jusqu'au", d.dateValidite());
        table.addRow().addContent("Dernier renouvellement",
                d.dateDernierRenouvellement() == null ? "-" : d.dateDernierRenouvellement());
        table.addRow().addContent("Demandeur", personne(x.demandeur()));
        table.addRow().addContent("Co-demandeur", x.coDemandeur() == null ? "-"
                : personne(x.coDemandeur().personne()) + " (" + x.coDemandeur().lien() + ")");
        table.addRow().addContent("Ménage", x.tailleMenage() + " personne(s), " + x.situationFamiliale());
        table.addRow().addContent("Ressources mensuelles", x.ressources() == null ? "-" : x.ressources().stream()
                .map(Ressource::montantMensuel).filter(m -> m != null).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " €");
        table.addRow().addContent("Logement actuel", x.logementActuel() == null ? "-" : x.logementActuel().statut()
                + (x.mutation() ? " (mutation)" : ""));
        table.addRow().addContent("Motifs", x.motifs() == null ? "-" : join(x.motifs()));
        table.addRow().addContent("Typologies souhaitées", join(x.logementRecherche().typologies()));
        table.addRow().addContent("Communes souhaitées", join(x.logementRecherche().communes()));
        table.addRow().addContent("Contact", x.contact() == null ? "-" : x.contact().ville()
                + (x.contact().email() == null ? "" : ", " + x.contact().email()));
        table.addRow().addContent("Version", d.version());
        table.print(out);
    }

    private static String personne(Personne p) {
        return p == null ? "-" : p.nom() + " " + p.prenoms() + ", né(e) le " + p.dateNaissance();
    }

    private static String join(List<?> valeurs) {
        return valeurs.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
