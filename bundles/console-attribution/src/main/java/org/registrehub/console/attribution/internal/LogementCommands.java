package org.registrehub.console.attribution.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.attribution.CandidatRapproche;
import org.registrehub.api.attribution.Constat;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.LogementsService;
import org.registrehub.api.attribution.Rapprochement;
import org.registrehub.api.attribution.RapprochementService;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.console.commun.Dates;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;

/**
 * The offered dwellings from the console: {@code registre:logement-lister}, {@code registre:logement},
 * {@code registre:logement-candidats}, {@code registre:logement-retirer}. The rights are the services' (the
 * session's user: landlord, réservataire, gestionnaire of the territory).
 */
final class LogementCommands {

    static final String FONCTIONNALITE = "registre-attribution";

    private LogementCommands() {
    }

    static <T> T exiger(T service) {
        return Fonctionnalites.exiger(service, "L'attribution", FONCTIONNALITE);
    }

    static String euros(java.math.BigDecimal montant) {
        return montant == null ? "-" : montant.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Service
    @Command(scope = "registre", name = "logement-lister", description = "Logements offerts que vous voyez : ceux de"
            + " votre organisation (bailleur), ceux qui vous sont réservés, ceux de vos territoires (gestionnaire)")
    public static class Lister implements Action {

        @Reference(optional = true)
        LogementsService logements;

        @Option(name = "--statut", description = "OFFERT, CANDIDATS_PROPOSES, ATTRIBUE ou RETIRE")
        String statut;

        @Option(name = "--commune", description = "Code INSEE de la commune")
        String commune;

        @Override
        public Object execute() {
            StatutOffre s = null;
            if (statut != null) {
                try {
                    s = StatutOffre.valueOf(statut.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--statut : OFFERT, CANDIDATS_PROPOSES, ATTRIBUE ou RETIRE"
                            + " (lu « " + statut + " »)");
                }
            }
            List<LogementOffert> liste = exiger(logements).logements(s, commune, Sessions.contexte());
            ShellTable t = new ShellTable();
            t.column("RPLS");
            t.column("Bailleur");
            t.column("Commune");
            t.column("Type");
            t.column("Financement");
            t.column("Loyer+charges").alignRight();
            t.column("Réservataire");
            t.column("Disponible");
            t.column("Statut");
            for (LogementOffert l : liste) {
                t.addRow().addContent(l.identifiantRpls(), l.bailleur(), l.commune(), l.typologie(),
                        l.financement(), euros(l.depenseMensuelle()), l.reservataire().type() + " "
                                + l.reservataire().organisation(), l.dateDisponibilite(), l.statut());
            }
            t.print(System.out);
            System.out.println(liste.size() + " logement(s)");
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "logement", description = "Un logement offert et son historique")
    public static class Consulter implements Action {

        @Reference(optional = true)
        LogementsService logements;

        @Argument(index = 0, name = "rpls", description = "Identifiant RPLS du logement", required = true)
        String rpls;

        @Override
        public Object execute() {
            LogementsService service = exiger(logements);
            LogementOffert l = service.logement(rpls, Sessions.contexte());
            System.out.printf("%s — %s, %s (%s)%n", l.identifiantRpls(), l.typologie(), l.adresse(), l.commune());
            System.out.printf("bailleur %s, réservataire %s %s, %s, %s m², étage %d%s, accessibilité %s%n",
                    l.bailleur(), l.reservataire().type(), l.reservataire().organisation(), l.financement(),
                    l.surface().toPlainString(), l.etage(), l.ascenseur() ? " avec ascenseur" : " sans ascenseur",
                    l.accessibilite());
            System.out.printf("loyer %s € + charges %s €, disponible le %s, statut %s (version %d)%n",
                    euros(l.loyer()), euros(l.charges()), l.dateDisponibilite(), l.statut(), l.version());
            ShellTable t = new ShellTable();
            t.column("Quand");
            t.column("Qui");
            t.column("Canal");
            t.column("Opération");
            t.column("Statut");
            t.column("Détails").maxSize(80).wrap();
            for (EvenementLogement e : service.historique(rpls, Sessions.contexte())) {
                t.addRow().addContent(Dates.heure(e.horodatage()), e.acteur() + " (" + e.organisation() + ")",
                        e.canal(), e.operation(), e.statut(), e.details());
            }
            t.print(System.out);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "logement-candidats", description = "Les demandes en attente éligibles"
            + " pour un logement, classées selon les règles du territoire ; --detail les explique critère par critère")
    public static class Candidats implements Action {

        @Reference(optional = true)
        RapprochementService rapprochement;

        @Argument(index = 0, name = "rpls", description = "Identifiant RPLS du logement", required = true)
        String rpls;

        @Option(name = "--limite", aliases = "-n", description = "Nombre de candidats (1 à 200, 20 par défaut)")
        int limite = 20;

        @Option(name = "--detail", aliases = "-d", description = "Explique chaque candidat critère par critère")
        boolean detail;

        @Override
        public Object execute() {
            Rapprochement r = exiger(rapprochement).rapprocher(rpls, limite, Sessions.contexte());
            LogementOffert l = r.logement();
            System.out.printf("Logement %s : %s à %s, %s, loyer + charges %s € ; plafonds %s %d (%s)%n",
                    l.identifiantRpls(), l.typologie(), l.commune(), l.financement(), euros(l.depenseMensuelle()),
                    r.plafond().financement(), r.plafond().annee(), r.plafond().zone());
            System.out.printf("%s%d demande(s) éligible(s) ; critères éliminatoires : %s ; classement : %s%n",
                    r.auMoins() ? "au moins " : "", r.eligibles(), r.regles().eliminatoires().stream().sorted()
                            .toList(), r.regles().classement());
            ShellTable t = new ShellTable();
            t.column("Rang").alignRight();
            t.column("Numéro unique");
            t.column("Dépôt");
            t.column("Ménage").alignRight();
            t.column("Ressources").alignRight();
            t.column("Effort %").alignRight();
            t.column("Priorités");
            t.column("DALO");
            t.column("Points").alignRight();
            for (CandidatRapproche c : r.candidats()) {
                t.addRow().addContent(c.rang(), c.numeroUnique(), c.dateDepot(), c.tailleMenage(),
                        euros(c.ressourcesMensuelles()), c.tauxEffort() == null ? "-" : c.tauxEffort().toPlainString(),
                        c.priorites().isEmpty() ? "-" : String.join(",", c.priorites()), c.dalo() ? "oui" : "non",
                        c.points());
            }
            t.print(System.out);
            if (detail) {
                for (CandidatRapproche c : r.candidats()) {
                    System.out.println();
                    System.out.println(c.rang() + ". " + c.numeroUnique());
                    for (Constat k : c.constats()) {
                        System.out.printf("   %-13s %-40s %s%s%n", k.verdict(), k.critere().libelle(),
                                k.explication(), k.eliminatoire() ? " [éliminatoire]" : "");
                    }
                }
            }
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "logement-retirer", description = "Retire une offre de logement (loué hors"
            + " du registre, vendu, travaux...) ; le motif est historisé")
    public static class Retirer implements Action {

        @Reference(optional = true)
        LogementsService logements;

        @Argument(index = 0, name = "rpls", description = "Identifiant RPLS du logement", required = true)
        String rpls;

        @Argument(index = 1, name = "motif", description = "Motif du retrait", required = true)
        String motif;

        @Override
        public Object execute() {
            LogementOffert l = exiger(logements).retirer(rpls, motif, Sessions.contexte());
            System.out.println("Logement " + l.identifiantRpls() + " retiré (statut " + l.statut() + ").");
            return null;
        }
    }
}
