package org.registrehub.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.RegistreService;
import org.registrehub.api.ResumeDemande;
import org.registrehub.api.Statut;
import org.registrehub.api.Tri;
import org.registrehub.api.Typologie;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;
import org.registrehub.console.commun.NumeroUniqueCompleter;

/** {@code registre:demande-rechercher}: finds demands by name, birth date, commune, territory, status, dates... */
@Service
@Command(scope = "registre", name = "demande-rechercher", description = "Recherche des demandes (critères combinés)")
public class DemandeRechercheCommand implements Action {

    @Reference
    RegistreService registre;

    @Option(name = "--numero", description = "Début du numéro unique")
    @Completion(NumeroUniqueCompleter.class)
    String numero;

    @Option(name = "--nom", description = "Début du nom du demandeur (accents et casse indifférents)")
    String nom;

    @Option(name = "--prenom", description = "Début des prénoms du demandeur")
    String prenom;

    @Option(name = "--naissance", description = "Date de naissance (AAAA-MM-JJ)")
    String naissance;

    @Option(name = "--commune", description = "Une des communes souhaitées (code INSEE)")
    String commune;

    @Option(name = "--territoire", description = "Territoire (département sur 3 caractères : 044, 02A)")
    String territoire;

    @Option(name = "--statut", description = "ACTIVE ou RADIEE")
    @Completion(value = StringsCompleter.class, values = {"ACTIVE", "RADIEE"})
    String statut;

    @Option(name = "--typologie", description = "Une des typologies souhaitées")
    @Completion(value = StringsCompleter.class, values = {"CHAMBRE", "T1", "T2", "T3", "T4", "T5", "T6_PLUS"})
    String typologie;

    @Option(name = "--depot-du", description = "Déposée à partir du (AAAA-MM-JJ)")
    String depotDu;

    @Option(name = "--depot-au", description = "Déposée jusqu'au (AAAA-MM-JJ)")
    String depotAu;

    @Option(name = "--validite-du", description = "Valable jusqu'à une date à partir du (AAAA-MM-JJ)")
    String validiteDu;

    @Option(name = "--validite-au", description = "Valable jusqu'à une date au plus tard le (AAAA-MM-JJ)")
    String validiteAu;

    @Option(name = "--tri", description = "dateDepot (défaut, plus récentes d'abord), dateValidite, nom, numeroUnique")
    @Completion(value = StringsCompleter.class, values = {"dateDepot", "dateValidite", "nom", "numeroUnique"})
    String tri = "dateDepot";

    @Option(name = "--page", description = "Page, à partir de 0")
    int page;

    @Option(name = "--taille", description = "Résultats par page (1 à 100)")
    int taille = 20;

    @Override
    public Object execute() {
        CriteresRecherche criteres = new CriteresRecherche(numero, nom, prenom,
                Dates.option("--naissance", naissance),
                commune, territoire, statut(),
                typologie == null ? null : Typologie.parse(typologie).orElseThrow(() ->
                        new IllegalArgumentException("--typologie : valeurs permises CHAMBRE, T1 … T6_PLUS")),
                Dates.option("--depot-du", depotDu), Dates.option("--depot-au", depotAu),
                Dates.option("--validite-du", validiteDu), Dates.option("--validite-au", validiteAu));
        PageDemandes resultat = registre.rechercher(criteres, tri(), page, taille, Sessions.contexte());
        ShellTable table = new ShellTable();
        for (String colonne : new String[] {"Numéro unique", "Statut", "Nom", "Prénoms", "Naissance", "Commune",
            "Typologie", "Dépôt", "Validité"}) {
            table.column(colonne);
        }
        for (ResumeDemande d : resultat.demandes()) {
            table.addRow().addContent(d.numeroUnique(), d.statut(), d.nom(), d.prenoms(), d.dateNaissance(),
                    d.commune(), d.typologie(), d.dateDepot(), d.dateValidite());
        }
        table.print(System.out);
        System.out.println((resultat.totalExact() ? "" : "plus de ") + resultat.total() + " demande(s) ; page "
                + resultat.page() + ", " + resultat.demandes().size() + " affichée(s)");
        return null;
    }

    private Statut statut() {
        if (statut == null) {
            return null;
        }
        try {
            return Statut.valueOf(statut.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--statut : valeurs permises ACTIVE, RADIEE (reçu « " + statut + " »)");
        }
    }

    private Tri tri() {
        return switch (tri) {
            case "dateValidite" -> new Tri(Tri.Champ.DATE_VALIDITE, true);
            case "nom" -> new Tri(Tri.Champ.NOM, true);
            case "numeroUnique" -> new Tri(Tri.Champ.NUMERO_UNIQUE, true);
            case "dateDepot" -> Tri.PAR_DEFAUT;
            default -> throw new IllegalArgumentException("--tri : valeurs permises dateDepot, dateValidite, nom,"
                    + " numeroUnique");
        };
    }
}
