package org.registrehub.console.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.acces.AuditService;
import org.registrehub.api.acces.CriteresAudit;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.acces.PageAudit;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;

/** {@code registre:audit --numero 0441126000001G1104}: the audit trail, most recent first. */
@Service
@Command(scope = "registre", name = "audit", description = "Journal d'audit : lectures de données nominatives et"
        + " changements (gestionnaires : leurs territoires)")
public class AuditCommand implements Action {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(PARIS);

    @Reference
    AuditService audit;

    @Option(name = "--acteur", description = "Identifiant de l'utilisateur")
    String acteur;

    @Option(name = "--organisation", description = "Code de l'organisation")
    String organisation;

    @Option(name = "--numero", description = "Numéro unique de la demande")
    String numero;

    @Option(name = "--operation", description = "CONSULTATION, RECHERCHE, HISTORIQUE, ENREGISTREMENT, MODIFICATION,"
            + " RADIATION, CREATION_UTILISATEUR...")
    String operation;

    @Option(name = "--territoire", description = "Département : 044")
    String territoire;

    @Option(name = "--du", description = "À partir du (AAAA-MM-JJ)")
    String du;

    @Option(name = "--au", description = "Jusqu'au, inclus (AAAA-MM-JJ)")
    String au;

    @Option(name = "--page", description = "Page, à partir de 0")
    int page;

    @Option(name = "--taille", description = "Lignes par page (1 à 100)")
    int taille = 30;

    @Override
    public Object execute() {
        LocalDate debut = Dates.option("--du", du);
        LocalDate fin = Dates.option("--au", au);
        PageAudit resultat = audit.rechercher(new CriteresAudit(acteur, organisation, numero,
                operation == null ? null : operation.toUpperCase(), territoire,
                debut == null ? null : debut.atStartOfDay(PARIS).toInstant(),
                fin == null ? null : fin.plusDays(1).atStartOfDay(PARIS).toInstant()), page, taille,
                Sessions.contexte());
        ShellTable t = new ShellTable();
        for (String colonne : new String[] {"Horodatage (Paris)", "Acteur", "Organisation", "Canal", "Opération",
            "Numéro unique", "Territoire"}) {
            t.column(colonne);
        }
        t.column("Détails").maxSize(60).wrap();
        for (EntreeAudit e : resultat.entrees()) {
            t.addRow().addContent(HEURE.format(e.horodatage()), e.acteur(), tiret(e.organisation()), e.canal(),
                    e.operation(), tiret(e.numeroUnique()), tiret(e.territoire()), tiret(e.details()));
        }
        t.print(System.out);
        System.out.println(resultat.total() + " ligne(s) ; page " + resultat.page() + ", " + resultat.entrees().size()
                + " affichée(s)");
        return null;
    }

    private static String tiret(String s) {
        return s == null ? "-" : s;
    }
}
