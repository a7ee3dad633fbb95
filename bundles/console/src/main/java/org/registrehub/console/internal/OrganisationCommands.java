package org.registrehub.console.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.registrehub.api.acces.AccesService;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.console.commun.Sessions;

/** Organisations and their territories, for gestionnaires (within their territories) and administrators. */
public final class OrganisationCommands {

    private OrganisationCommands() {
    }

    /** {@code registre:organisation-ajouter --type GUICHET --nom "Mairie de Nantes" --guichet G1104 MAIRIE-NANTES 044}. */
    @Service
    @Command(scope = "registre", name = "organisation-ajouter", description = "Crée une organisation sur des territoires")
    public static class Ajouter implements Action {

        @Reference
        AccesService acces;

        @Option(name = "--type", required = true,
                description = "GUICHET, BAILLEUR, ETAT, OBSERVATOIRE (HUB : administrateurs)")
        String type;

        @Option(name = "--nom", required = true, description = "Nom de l'organisation")
        String nom;

        @Option(name = "--guichet", description = "Code de guichet enregistreur (G + 4 chiffres)")
        String guichet;

        @Argument(index = 0, name = "code", required = true, description = "Code unique (majuscules : MAIRIE-NANTES)")
        String code;

        @Argument(index = 1, name = "territoires", multiValued = true, description = "Départements : 044 085")
        List<String> territoires;

        @Override
        public Object execute() {
            TypeOrganisation t;
            try {
                t = TypeOrganisation.valueOf(type.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--type : valeurs permises GUICHET, BAILLEUR, ETAT, OBSERVATOIRE, HUB"
                        + " (reçu « " + type + " »)");
            }
            Set<String> liste = territoires == null ? Set.of() : new TreeSet<>(territoires);
            Tables.organisations(List.of(acces.creerOrganisation(new Organisation(code, t, nom, guichet, true, liste),
                    Sessions.contexte())));
            return null;
        }
    }

    /** {@code registre:epci-definir 244400404 "Nantes Métropole" 44109 44143 ...}. */
    @Service
    @Command(scope = "registre", name = "epci-definir", description = "Définit un EPCI et ses communes, pour l'accorder"
            + " comme territoire")
    public static class Epci implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "code", required = true, description = "SIREN de l'EPCI (9 chiffres)")
        String code;

        @Argument(index = 1, name = "nom", required = true, description = "Nom de l'EPCI")
        String nom;

        @Argument(index = 2, name = "communes", required = true, multiValued = true,
                description = "Codes INSEE des communes membres")
        List<String> communes;

        @Override
        public Object execute() {
            org.registrehub.api.acces.Epci e = acces.definirEpci(new org.registrehub.api.acces.Epci(code, nom,
                    new TreeSet<>(communes)), Sessions.contexte());
            System.out.println("EPCI " + e.code() + " (" + e.nom() + ") : " + e.communes().size() + " communes, "
                    + String.join(", ", e.communes()));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "organisation-lister", description = "Liste les organisations que vous gérez")
    public static class Lister implements Action {

        @Reference
        AccesService acces;

        @Override
        public Object execute() {
            Tables.organisations(acces.organisations(Sessions.contexte()));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "territoire-accorder", description = "Accorde un territoire à une organisation")
    public static class Accorder implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "organisation", required = true, description = "Code de l'organisation")
        String code;

        @Argument(index = 1, name = "territoire", required = true, description = "Département : 044")
        String territoire;

        @Override
        public Object execute() {
            Tables.organisations(List.of(acces.accorderTerritoire(code, territoire, Sessions.contexte())));
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "territoire-retirer", description = "Retire un territoire à une organisation")
    public static class Retirer implements Action {

        @Reference
        AccesService acces;

        @Argument(index = 0, name = "organisation", required = true, description = "Code de l'organisation")
        String code;

        @Argument(index = 1, name = "territoire", required = true, description = "Département : 044")
        String territoire;

        @Override
        public Object execute() {
            Tables.organisations(List.of(acces.revoquerTerritoire(code, territoire, Sessions.contexte())));
            return null;
        }
    }
}
