package org.registrehub.console.statistiques.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.Periode;
import org.registrehub.api.statistiques.Secret;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;

/** {@code registre:statistiques}: the stock and flow table of a period (by default the twelve months up to today). */
@Service
@Command(scope = "registre", name = "statistiques", description = "Tableau du stock et des flux d'une période (par défaut les"
        + " douze mois jusqu'à aujourd'hui) : stock au début, demandes nouvelles, réactivées, radiées par motif, stock"
        + " à la fin")
public class StatistiquesCommand extends PeriodeStatistique {

    @Reference(optional = true)
    StatistiquesService statistiques;

    @Override
    public Object execute() {
        Fonctionnalites.exiger(statistiques, "L'Infocentre", "registre-statistiques");
        Periode p = Periode.completer(du == null ? null : Dates.option("--du", du),
                au == null ? null : Dates.option("--au", au), LocalDate.now(ZoneId.of("Europe/Paris")));
        LocalDate debut = p.debut();
        LocalDate fin = p.fin();
        Granularite g = granularite() == null ? Granularite.DEPARTEMENT : granularite();
        TableauFlux t = statistiques.flux(debut, fin, g, Sessions.contexte());
        System.out.println("Stock et flux du " + debut + " au " + fin + ", par " + g.name().toLowerCase() + " :");
        ShellTable table = new ShellTable();
        table.column(g.name().substring(0, 1) + g.name().substring(1).toLowerCase());
        for (String c : new String[] {"Stock début", "Nouvelles", "Reprises", "Réactivées", "Radiées", "Abandon", "Attribution",
            "Irrecevab.", "Non-renouv.", "Non-réponse", "Transferts +/-", "Stock fin"}) {
            table.column(c).alignRight();
        }
        for (LigneFlux l : t.lignes()) {
            ligne(table, l, t.secret());
        }
        ligne(table, t.total(), t.secret());
        table.print(System.out);
        return null;
    }

    private static void ligne(ShellTable table, LigneFlux l, Secret s) {
        String c = l.code();
        table.addRow().addContent(c, s.affiche(c, "stockDebut", l.stockDebut()),
                s.affiche(c, "nouvelles", l.nouvelles()), s.affiche(c, "reprises", l.reprises()),
                s.affiche(c, "reactivees", l.reactivees()),
                s.affiche(c, "radiations", l.radiations()), s.affiche(c, "abandon", l.abandon()),
                s.affiche(c, "attribution", l.attribution()), s.affiche(c, "irrecevabilite", l.irrecevabilite()),
                s.affiche(c, "nonRenouvellement", l.nonRenouvellement()), s.affiche(c, "nonReponse", l.nonReponse()),
                s.affiche(c, "transfertsEntrants", l.transfertsEntrants()) + "/"
                        + s.affiche(c, "transfertsSortants", l.transfertsSortants()),
                s.affiche(c, "stockFin", l.stockFin()));
    }
}
