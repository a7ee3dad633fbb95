package org.registrehub.console.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.registrehub.api.acces.AccesService;
import org.registrehub.api.acces.AccesService.CompteCree;
import org.registrehub.api.acces.Role;
import org.registrehub.console.commun.Sessions;

/**
 * Users: creation (the password is generated and shown once, never typed on a command line that history keeps),
 * list, immediate disabling, reactivation, new password.
 */
public final class UtilisateurCommands {

    private UtilisateurCommands() {
    }

    private static void afficher(CompteCree compte) {
        Tables.utilisateurs(List.of(compte.utilisateur()));
        if (compte.motDePasse() != null) {
            System.out.println("Mot de passe (affiché une seule fois, à transmettre à l'utilisateur) : "
                    + compte.motDePasse());
        }
    }

    /** {@code registre:utilisateur-ajouter --nom "Agent" --role guichet agent.nantes MAIRIE-NANTES}. */
    @Service
    @Command(scope = "registre", name = "utilisateur-ajouter", description = "Crée un utilisateur ; son mot de passe est généré")
    public static class Ajouter implements Action {

        @Reference
        AccesService acces;

        @Option(name = "--nom", description = "Nom affiché")
        String nom;

        @Option(name = "--role", required = true, multiValued = true,
                description = "guichet, bailleur, gestionnaire, observateur (admin : administrateurs)")
        List<String> roles;

        @Argument(index = 0, name = "identifiant", required = true, description = "Identifiant (minuscules)")
        String identifiant;

        @Argument(index = 1, name = "organisation", required = true, description = "Code de l'organisation")
        String organisation;

        @Override
        public Object execute() {
            Set<Role> lus = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                lus.add(Role.parse(r).orElseThrow(() -> new IllegalArgumentException("--role : valeurs permises"
                        + " guichet, bailleur, gestionnaire, observateur, admin (reçu « " + r + " »)")));
            }
            afficher(acces.creerUtilisateur(identifiant, nom, organisation, lus, null, Sessions.contexte()));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "utilisateur-lister", description = "Liste les utilisateurs des organisations gérées")
    public static class Lister implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "organisation", description = "Code d'une organisation (toutes sinon)")
        String organisation;

        @Override
        public Object execute() {
            Tables.utilisateurs(acces.utilisateurs(organisation, Sessions.contexte()));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "utilisateur-desactiver", description = "Désactive un utilisateur : sa requête suivante"
            + " est refusée")
    public static class Desactiver implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "identifiant", required = true, description = "Identifiant")
        String identifiant;

        @Override
        public Object execute() {
            Tables.utilisateurs(List.of(acces.desactiverUtilisateur(identifiant, Sessions.contexte())));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "utilisateur-reactiver", description = "Réactive un utilisateur")
    public static class Reactiver implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "identifiant", required = true, description = "Identifiant")
        String identifiant;

        @Override
        public Object execute() {
            Tables.utilisateurs(List.of(acces.reactiverUtilisateur(identifiant, Sessions.contexte())));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "utilisateur-mot-de-passe", description = "Génère un nouveau mot de passe (le vôtre, ou"
            + " celui d'un utilisateur que vous gérez)")
    public static class MotDePasse implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "identifiant", required = true, description = "Identifiant")
        String identifiant;

        @Override
        public Object execute() {
            afficher(acces.changerMotDePasse(identifiant, null, Sessions.contexte()));
            return null;
        }
    }

    /** {@code registre:utilisateur-deverrouiller} lists the locked logins; {@code registre:utilisateur-deverrouiller agent.nantes} lifts one. */
    @Service
    @Command(scope = "registre", name = "utilisateur-deverrouiller", description = "Liste les connexions verrouillées après trop"
            + " d'échecs, ou lève le verrou d'un identifiant (administrateurs : aussi d'une adresse)")
    public static class Deverrouiller implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "identifiant", required = false,
                description = "Identifiant (ou adresse) à déverrouiller ; sans lui, la liste des verrous")
        String identifiant;

        @Override
        public Object execute() {
            if (identifiant == null) {
                java.util.Map<String, java.time.Instant> verrous = acces.verrous(Sessions.contexte());
                if (verrous.isEmpty()) {
                    System.out.println("Aucune connexion verrouillée sur ce nœud.");
                    return null;
                }
                org.apache.karaf.shell.support.table.ShellTable t = new org.apache.karaf.shell.support.table.ShellTable();
                t.column("Identifiant ou adresse");
                t.column("Verrouillé jusqu'à");
                verrous.forEach((cle, jusqua) -> t.addRow().addContent(cle, jusqua));
                t.print(System.out);
                return null;
            }
            System.out.println(acces.deverrouiller(identifiant, Sessions.contexte())
                    ? "Verrou levé : « " + identifiant + " » peut se connecter de nouveau."
                    : "Aucun verrou sur « " + identifiant + " » (sur ce nœud).");
            return null;
        }
    }
}
