package org.registrehub.console.campagne.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.renouvellement.ApercuGuichet;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.BilanCampagne;
import org.registrehub.api.renouvellement.CampagneRenouvellement;
import org.registrehub.api.renouvellement.LotCourrier;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;

/**
 * The renewal campaign from the console: preview, run, report, the non-response procedure, the notices of a demand;
 * and the renewal and reactivation of a demand by a guichet or a gestionnaire.
 */
final class CampagneCommands {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private CampagneCommands() {
    }

    static CampagneRenouvellement exiger(CampagneRenouvellement campagne) {
        return Fonctionnalites.exiger(campagne, "La campagne de renouvellement", "registre-campagne-renouvellement");
    }

    static void imprimer(List<ApercuGuichet> lignes, ApercuGuichet total) {
        ShellTable t = new ShellTable();
        t.column("Guichet");
        t.column("Courriels").alignRight();
        t.column("Lettres").alignRight();
        t.column("Recommandés").alignRight();
        t.column("Radiations non-renouv.").alignRight();
        t.column("Radiations non-réponse").alignRight();
        t.column("Affranchissement (€)").alignRight();
        for (ApercuGuichet l : lignes) {
            ligne(t, l);
        }
        ligne(t, total);
        t.print(System.out);
    }

    private static void ligne(ShellTable t, ApercuGuichet l) {
        t.addRow().addContent(l.guichet(), l.courriels(), l.lettres(), l.recommandes(),
                l.radiationsNonRenouvellement(), l.radiationsNonReponse(),
                l.affranchissement().setScale(2, java.math.RoundingMode.HALF_UP));
    }

    static void imprimer(BilanCampagne b) {
        System.out.println("Campagne du " + b.jour() + " : " + b.etat() + " (nœud " + b.noeud() + ", début "
                + Dates.heure(b.debut()) + ", fin " + Dates.heure(b.fin()) + ")"
                + (b.erreur() == null ? "" : " — arrêtée : " + b.erreur()));
        imprimer(b.guichets(), b.total());
        if (b.incertains() > 0 || b.echecs() > 0) {
            System.out.println(b.incertains() + " courriel(s) à l'envoi incertain (interrompu, jamais renvoyé), "
                    + b.echecs() + " adresse(s) refusée(s) par le serveur SMTP (avis passé par lettre)");
        }
        if (!b.lots().isEmpty()) {
            ShellTable t = new ShellTable();
            t.column("Lot de courriers");
            t.column("Guichet");
            t.column("Nature");
            t.column("Lettres").alignRight();
            t.column("Affranchissement (€)").alignRight();
            BigDecimal total = BigDecimal.ZERO;
            for (LotCourrier l : b.lots()) {
                t.addRow().addContent(l.fichier(), l.guichet(), l.nature(), l.lettres(), l.affranchissement());
                total = total.add(l.affranchissement());
            }
            t.print(System.out);
            System.out.println(b.lots().size() + " lot(s), affranchissement estimé " + total + " €");
        }
    }

    @Service
    @Command(scope = "registre", name = "campagne-apercu", description = "Ce que ferait la campagne de"
            + " renouvellement (aujourd'hui, ou --au une autre date) : avis par courriel et par lettre, courriers"
            + " recommandés, radiations, affranchissement, par guichet ; rien n'est écrit ni envoyé")
    public static class Apercu implements Action {

        @Reference(optional = true)
        CampagneRenouvellement campagne;

        @Option(name = "--au", description = "Date de la campagne (AAAA-MM-JJ ; par défaut aujourd'hui)")
        String au;

        @Override
        public Object execute() {
            LocalDate jour = au == null ? LocalDate.now(PARIS) : Dates.option("--au", au);
            var a = exiger(campagne).apercu(jour, Sessions.contexte());
            System.out.println("Aperçu de la campagne du " + jour + " (rien n'est écrit ni envoyé) :");
            imprimer(a.guichets(), a.total());
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "campagne-lancer", description = "Lance (ou reprend) maintenant la campagne de"
            + " renouvellement du jour ; un seul nœud la tient à la fois, un avis n'est jamais envoyé deux fois")
    public static class Lancer implements Action {

        @Reference(optional = true)
        CampagneRenouvellement campagne;

        @Override
        public Object execute() {
            Optional<BilanCampagne> b = exiger(campagne).executer(Sessions.contexte(), texte -> {
                System.out.println(texte);
                System.out.flush();
            });
            b.ifPresent(CampagneCommands::imprimer);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "campagne-bilan", description = "Le rapport d'une campagne de"
            + " renouvellement (aujourd'hui, ou la date donnée) ; --dernieres N : les N dernières campagnes")
    public static class Rapport implements Action {

        @Reference(optional = true)
        CampagneRenouvellement campagne;

        @Argument(index = 0, name = "jour", description = "Date de la campagne (AAAA-MM-JJ ; par défaut"
                + " aujourd'hui)")
        String jour;

        @Option(name = "--dernieres", aliases = "-n", description = "Liste les N dernières campagnes")
        Integer dernieres;

        @Override
        public Object execute() {
            CampagneRenouvellement c = exiger(campagne);
            if (dernieres != null) {
                ShellTable t = new ShellTable();
                t.column("Jour");
                t.column("État");
                t.column("Nœud");
                t.column("Courriels").alignRight();
                t.column("Lettres").alignRight();
                t.column("Recommandés").alignRight();
                t.column("Radiations").alignRight();
                t.column("Affranchissement (€)").alignRight();
                for (BilanCampagne b : c.rapports(dernieres, Sessions.contexte())) {
                    ApercuGuichet x = b.total();
                    t.addRow().addContent(b.jour(), b.etat(), b.noeud(), x.courriels(), x.lettres(), x.recommandes(),
                            x.radiationsNonRenouvellement() + x.radiationsNonReponse(), x.affranchissement());
                }
                t.print(System.out);
                return null;
            }
            LocalDate j = jour == null ? LocalDate.now(PARIS) : Dates.option("jour", jour);
            BilanCampagne b = c.rapport(j, Sessions.contexte()).orElseThrow(() -> new IllegalStateException(
                    "Pas de campagne le " + j + " (registre:campagne-bilan --dernieres 10)."));
            imprimer(b);
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "campagne-non-reponse", description = "Ouvre la procédure de non-réponse"
            + " d'une demande : un courrier recommandé part avec la prochaine campagne ; sans changement de la demande"
            + " dans le délai du département, elle est radiée NON_REPONSE")
    public static class NonReponse implements Action {

        @Reference(optional = true)
        CampagneRenouvellement campagne;

        @Argument(index = 0, name = "numeroUnique", required = true, description = "Numéro unique de la demande")
        @Completion(NumeroCompleter.class)
        String numero;

        @Argument(index = 1, name = "objet", required = true, description = "Ce que le courrier demande (entre"
                + " guillemets)")
        String objet;

        @Override
        public Object execute() {
            Avis a = exiger(campagne).engagerNonReponse(numero, objet, Sessions.contexte());
            System.out.println("Courrier recommandé " + a.id() + " à envoyer pour la demande " + a.numeroUnique()
                    + " (guichet " + a.guichet() + ") avec la prochaine campagne.");
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "campagne-avis", description = "Les avis de renouvellement et courriers"
            + " recommandés d'une demande")
    public static class AvisDemande implements Action {

        @Reference(optional = true)
        CampagneRenouvellement campagne;

        @Argument(index = 0, name = "numeroUnique", required = true, description = "Numéro unique de la demande")
        @Completion(NumeroCompleter.class)
        String numero;

        @Override
        public Object execute() {
            ShellTable t = new ShellTable();
            t.column("Avis").alignRight();
            t.column("Nature");
            t.column("Canal");
            t.column("Fin de validité");
            t.column("État");
            t.column("Envoi");
            t.column("Lot").maxSize(60);
            for (Avis a : exiger(campagne).avis(numero, Sessions.contexte())) {
                t.addRow().addContent(a.id(), a.nature(), a.canal(), a.finValidite(), a.etat(),
                        a.dateEnvoi() == null ? "-" : a.dateEnvoi(), a.fichier() == null ? "-" : a.fichier());
            }
            t.print(System.out);
            return null;
        }
    }
}
