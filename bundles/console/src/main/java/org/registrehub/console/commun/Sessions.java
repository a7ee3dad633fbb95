package org.registrehub.console.commun;

import java.security.AccessController;
import java.util.Optional;

import javax.security.auth.Subject;

import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Role;

/** The register identity of the console session: the one the realm {@code registre} gave at login. */
public final class Sessions {

    private Sessions() {
    }

    @SuppressWarnings("removal") // the Karaf shell runs each command as the session's subject (JAAS doAs)
    public static Optional<Identite> identite() {
        Subject sujet = Subject.getSubject(AccessController.getContext());
        return sujet == null ? Optional.empty() : sujet.getPrincipals(Identite.class).stream().findFirst();
    }

    /** The context of a command, or a clear refusal when the session was not opened with a register account. */
    public static Contexte contexte() {
        return new Contexte(identite().orElseThrow(() -> new IllegalStateException("Cette session n'est pas"
                + " ouverte avec un compte du registre : connectez-vous avec le vôtre, par exemple"
                + " bin/client -u <identifiant>.")), Canal.CONSOLE);
    }

    /** The session's identity when it has one of these roles; a refusal naming them otherwise. */
    public static Identite exigerRole(Role... roles) {
        Identite i = contexte().identite();
        for (Role r : roles) {
            if (i.a(r)) {
                return i;
            }
        }
        throw new AccesRefuseException("Accès refusé : réservé aux rôles " + java.util.Arrays.toString(roles)
                .toLowerCase() + " ; " + i.identifiant() + " ne les a pas.");
    }
}
