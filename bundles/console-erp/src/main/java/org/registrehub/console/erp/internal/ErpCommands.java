package org.registrehub.console.erp.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.acces.AccesService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.erp.EtatOrganisationErp;
import org.registrehub.api.erp.LettreMorte;
import org.registrehub.api.erp.SupervisionErp;
import org.registrehub.console.commun.Fonctionnalites;
import org.registrehub.console.commun.Sessions;
import org.registrehub.console.commun.Dates;

/** The ERP channel from the console: {@code registre:erp-etat} and {@code registre:erp-rejouer}. */
final class ErpCommands {

    private ErpCommands() {
    }

    static SupervisionErp exiger(SupervisionErp supervision) {
        return Fonctionnalites.exiger(supervision, "Le canal ERP", "registre-erp");
    }

    static String profondeur(long n) {
        return n < 0 ? "?" : Long.toString(n);
    }

    @Service
    @Command(scope = "registre", name = "erp-etat", description = "Files ERP de chaque bailleur et guichet :"
            + " messages en attente, réponses et événements non lus, lettres mortes, dernier message traité")
    public static class Status implements Action {

        @Reference(optional = true)
        SupervisionErp supervision;

        @Reference
        AccesService acces;

        @Option(name = "--lettres-mortes", aliases = "-d", description = "Liste aussi les lettres mortes (au plus N ;"
                + " rôle admin)")
        int lettresMortes;

        @Override
        public Object execute() {
            Identite i = Sessions.exigerRole(Role.ADMIN, Role.GESTIONNAIRE);
            SupervisionErp s = exiger(supervision);
            boolean admin = i.a(Role.ADMIN);
            if (lettresMortes > 0 && !admin) {
                throw new AccesRefuseException("Accès refusé : les lettres mortes portent des messages de tous les"
                        + " territoires ; leur liste est réservée au rôle admin.");
            }
            ShellTable t = new ShellTable();
            t.column("Organisation");
            t.column("Route");
            t.column("Entrants").alignRight();
            t.column("Réponses").alignRight();
            t.column("Événements").alignRight();
            t.column("Lettres mortes").alignRight();
            t.column("Dernier message");
            t.column("Type");
            t.column("Statut");
            t.column("Traité le");
            // a gestionnaire sees the organisations working on one of its territories, and those it manages (the
            // access rule: the EPCI whose communes lie in its départements, such as a metropolis's landlord)
            java.util.Set<String> gerees = admin ? java.util.Set.of() : acces.organisations(Sessions.contexte())
                    .stream().map(Organisation::code).collect(java.util.stream.Collectors.toSet());
            List<EtatOrganisationErp> etat = s.etat().stream().filter(e -> admin || gerees.contains(e.organisation())
                    || e.territoires().stream().anyMatch(i::couvre)).toList();
            for (EtatOrganisationErp e : etat) {
                t.addRow().addContent(e.organisation(), e.consommee() ? "active" : "arrêtée",
                        profondeur(e.entrants()), profondeur(e.reponses()), profondeur(e.evenements()),
                        e.lettresMortes(), e.dernierMessageId() == null ? "-" : e.dernierMessageId(),
                        e.dernierType() == null ? "-" : e.dernierType(),
                        e.dernierStatut() == null ? "-" : e.dernierStatut(), Dates.heure(e.dernierTraiteLe()));
            }
            t.print(System.out);
            if (!admin) {
                return null;
            }
            List<LettreMorte> morts = s.lettresMortes(Math.max(lettresMortes, 1000));
            System.out.println(morts.size() + (morts.size() == 1000 ? " (ou plus)" : "")
                    + " lettre(s) morte(s) dans la file ERP" + (lettresMortes > 0 || morts.isEmpty() ? ""
                            : " : registre:erp-etat --lettres-mortes 20 pour les voir"));
            if (lettresMortes > 0 && !morts.isEmpty()) {
                ShellTable m = new ShellTable();
                m.column("Id").alignRight();
                m.column("Organisation");
                m.column("messageId");
                m.column("Depuis");
                m.column("File d'origine");
                m.column("Motif").maxSize(90).wrap();
                morts.stream().limit(lettresMortes).forEach(l -> m.addRow().addContent(l.id(),
                        l.organisation() == null ? "-" : l.organisation(), l.messageId() == null ? "-" : l.messageId(),
                        Dates.heure(l.horodatage()), l.file() == null ? "-" : l.file(), l.motif()));
                m.print(System.out);
            }
            return null;
        }
    }

    @Service
    @Command(scope = "registre", name = "erp-rejouer", description = "Renvoie une lettre morte (ou toutes celles d'une"
            + " organisation) dans sa file d'origine, une fois la cause corrigée ; le hub la traite à nouveau, sans"
            + " double effet")
    public static class Replay implements Action {

        @Reference(optional = true)
        SupervisionErp supervision;

        @Argument(index = 0, name = "id", description = "Id de la lettre morte (registre:erp-etat -d 20)")
        Long id;

        @Option(name = "--organisation", aliases = "-o", description = "Renvoie toutes les lettres mortes de cette"
                + " organisation")
        String organisation;

        @Option(name = "--toutes", description = "Renvoie toutes les lettres mortes")
        boolean toutes;

        @Override
        public Object execute() {
            Identite i = Sessions.exigerRole(Role.ADMIN);
            SupervisionErp s = exiger(supervision);
            if ((id == null) == (organisation == null && !toutes)) {
                throw new IllegalArgumentException("Indiquez soit l'id d'une lettre morte, soit --organisation CODE,"
                        + " soit --toutes.");
            }
            if (id != null) {
                if (!s.rejouer(id)) {
                    throw new IllegalArgumentException("Aucune lettre morte d'id " + id
                            + " (registre:erp-etat -d 20 les liste).");
                }
                System.out.println("Lettre morte " + id + " renvoyée dans sa file d'origine par " + i.identifiant()
                        + ".");
            } else {
                int n = s.rejouerTout(toutes ? null : organisation.strip());
                System.out.println(n + " lettre(s) morte(s) renvoyée(s) dans leur file d'origine par "
                        + i.identifiant() + ".");
            }
            return null;
        }
    }
}
