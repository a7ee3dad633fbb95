package org.registrehub.console.internal;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.Utilisateur;

/** Tables of organisations and users, shared by the access-management commands. */
final class Tables {

    private Tables() {
    }

    static void organisations(List<Organisation> organisations) {
        ShellTable t = new ShellTable();
        t.column("Code");
        t.column("Type");
        t.column("Nom");
        t.column("Guichet");
        t.column("Territoires");
        t.column("Active");
        for (Organisation o : organisations) {
            t.addRow().addContent(o.code(), o.type(), o.nom(), o.guichet() == null ? "-" : o.guichet(),
                    String.join(", ", new TreeSet<>(o.territoires())), o.active() ? "oui" : "non");
        }
        t.print(System.out);
    }

    static void utilisateurs(List<Utilisateur> utilisateurs) {
        ShellTable t = new ShellTable();
        t.column("Identifiant");
        t.column("Nom");
        t.column("Organisation");
        t.column("Rôles");
        t.column("Actif");
        for (Utilisateur u : utilisateurs) {
            t.addRow().addContent(u.identifiant(), u.nom() == null ? "-" : u.nom(), u.organisation(),
                    u.roles().stream().map(Role::nom).sorted().collect(Collectors.joining(", ")),
                    u.actif() ? "oui" : "non (depuis " + u.desactiveLe() + ")");
        }
        t.print(System.out);
    }
}
