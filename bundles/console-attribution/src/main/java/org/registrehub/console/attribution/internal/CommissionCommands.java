package org.registrehub.console.attribution.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.attribution.Candidature;
import org.registrehub.api.attribution.CandidaturesService;
import org.registrehub.api.attribution.Commission;
import org.registrehub.api.attribution.CommissionService;
import org.registrehub.api.attribution.BilanNotifications;
import org.registrehub.api.attribution.FicheCandidat;
import org.registrehub.api.attribution.NotificationCandidat;
import org.registrehub.api.attribution.NotificationsService;
import org.registrehub.api.attribution.PointOrdreDuJour;
import org.registrehub.console.commun.Sessions;

/** The candidatures of a dwelling, a commission's agenda and the applicants' notifications from the console. */
final class CommissionCommands {

    private CommissionCommands() {
    }

    @Service
    @Command(scope = "registre", name = "logement-candidatures", description = "Les candidats désignés pour un"
            + " logement, leur rang et leur issue (proposé, attribué, refusé, bail signé...)")
    public static class Candidatures implements Action {

        @Reference(optional = true)
        CandidaturesService candidatures;

        @Argument(index = 0, name = "rpls", description = "Identifiant RPLS du logement", required = true)
        String rpls;

        @Override
        public Object execute() {
            ShellTable t = new ShellTable();
            t.column("Rang").alignRight();
            t.column("Numéro unique");
            t.column("Statut");
            t.column("Désigné par");
            t.column("Candidat ailleurs");
            for (Candidature c : LogementCommands.exiger(candidatures).candidatures(rpls, Sessions.contexte())) {
                t.addRow().addContent(c.rang(), c.numeroUnique(), c.statut(), c.designePar() + " (" + c.acteur()
                        + ")", c.designeeAilleurs().isEmpty() ? "-" : String.join(", ", c.designeeAilleurs()));
            }
            t.print(System.out);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "commission", description = "Une commission d'attribution : son ordre du jour,"
            + " les candidats de chaque logement et les décisions prises")
    public static class Lire implements Action {

        @Reference(optional = true)
        CommissionService commissions;

        @Argument(index = 0, name = "id", description = "Numéro de la commission", required = true)
        long id;

        @Override
        public Object execute() {
            Commission c = LogementCommands.exiger(commissions).commission(id, Sessions.contexte());
            System.out.printf("Commission n° %d de %s, le %s%s — %s%n", c.id(), c.bailleur(), c.date(),
                    c.lieu() == null ? "" : ", " + c.lieu(), c.statut());
            for (PointOrdreDuJour p : c.ordreDuJour()) {
                System.out.printf("%d. Logement %s : %s à %s, loyer + charges %s €%s%n", p.ordre(),
                        p.logement().identifiantRpls(), p.logement().typologie(), p.logement().commune(),
                        LogementCommands.euros(p.logement().depenseMensuelle()), p.motifMoinsDeTrois() == null ? ""
                                : " (moins de trois : " + p.motifMoinsDeTrois() + ")");
                ShellTable t = new ShellTable();
                t.column("Rang").alignRight();
                t.column("Numéro unique");
                t.column("Demandeur");
                t.column("Ménage");
                t.column("Effort %").alignRight();
                t.column("Points").alignRight();
                t.column("Décision");
                for (FicheCandidat f : p.candidats()) {
                    t.addRow().addContent(f.rang(), f.numeroUnique(), f.nom(), f.composition(),
                            f.tauxEffort() == null ? "-" : f.tauxEffort().toPlainString(), f.points(),
                            f.decision() == null ? f.statut() : f.decision());
                }
                t.print(System.out);
            }
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "notification-lister", description = "Ce qui a été dit au demandeur d'une"
            + " demande : propositions de logement et décisions de commission, par courriel ou courrier, et quand")
    public static class Lister implements Action {

        @Reference(optional = true)
        NotificationsService notifications;

        @Argument(index = 0, name = "numero", description = "Numéro unique de la demande", required = true)
        String numero;

        @Override
        public Object execute() {
            ShellTable t = new ShellTable();
            t.column("Logement");
            t.column("Objet");
            t.column("Canal");
            t.column("État");
            t.column("Envoyée le");
            t.column("Lot / observation");
            for (NotificationCandidat n : LogementCommands.exiger(notifications).notifications(numero,
                    Sessions.contexte())) {
                t.addRow().addContent(n.identifiantRpls(), n.decision() == null ? n.nature() : n.nature() + " "
                        + n.decision(), n.canal(), n.etat(), n.envoyeeLe() == null ? "-" : n.envoyeeLe().toString(),
                        n.lot() == null ? (n.observation() == null ? "-" : n.observation()) : n.lot());
            }
            t.print(System.out);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "notification-envoyer", description = "Envoie tout de suite les"
            + " notifications en attente (la route notification-candidats le fait chaque minute)")
    public static class Envoyer implements Action {

        @Reference(optional = true)
        NotificationsService notifications;

        @Override
        public Object execute() {
            BilanNotifications b = LogementCommands.exiger(notifications).envoyer(Sessions.contexte());
            System.out.printf("%d courriel(s) envoyé(s), %d courrier(s) au lot du jour%s ; %d en attente%s%n",
                    b.courriels(), b.courriers(), b.lot() == null ? "" : " (" + b.lot() + ")", b.restantes(),
                    b.observation() == null ? "" : " — courriels arrêtés : " + b.observation());
            return null;
        }
    }
}
