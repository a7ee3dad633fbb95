package org.registrehub.api.acces;

import java.util.List;
import java.util.Set;

import org.registrehub.api.Contexte;

/**
 * Access management: organisations, their territories, their users. Allowed to administrators everywhere and to
 * gestionnaires within their territories; every change is audited. Errors: {@code AccesRefuseException},
 * {@code DemandeInvalideException} (field by field), {@code RegistreException} with code {@code INTROUVABLE} or
 * {@code EXISTE_DEJA}.
 */
public interface AccesService {

    Organisation creerOrganisation(Organisation organisation, Contexte contexte);

    List<Organisation> organisations(Contexte contexte);

    Organisation accorderTerritoire(String organisation, String territoire, Contexte contexte);

    Organisation revoquerTerritoire(String organisation, String territoire, Contexte contexte);

    /**
     * Defines (or redefines) an EPCI and its member communes, so that it can be granted as a territory. Administrators,
     * or gestionnaires whose départements hold every commune of the EPCI.
     */
    Epci definirEpci(Epci epci, Contexte contexte);

    /**
     * The EPCI a user may grant: every one for an administrator, those with a member commune in its départements for a
     * gestionnaire; by name.
     *
     * @since 1.3.0
     */
    List<Epci> epcis(Contexte contexte);

    /**
     * A guichet's entry in the public directory (address and opening hours included), for its gestionnaire; empty when
     * the organisation has no guichet code.
     *
     * @since 1.3.0
     */
    java.util.Optional<Guichet> guichet(String organisation, Contexte contexte);

    /** Sets the address and opening hours the public directory shows for this organisation's guichet. */
    Guichet changerCoordonnees(String organisation, String adresse, String horaires, Contexte contexte);

    /**
     * Creates a user; when no password is given, one is generated and returned (shown once, never stored in clear).
     *
     * @return the account and the password to hand over
     */
    CompteCree creerUtilisateur(String identifiant, String nom, String organisation, Set<Role> roles,
                                String motDePasse, Contexte contexte);

    List<Utilisateur> utilisateurs(String organisation, Contexte contexte);

    /** Disables a user at once: its next request is refused. */
    Utilisateur desactiverUtilisateur(String identifiant, Contexte contexte);

    Utilisateur reactiverUtilisateur(String identifiant, Contexte contexte);

    /** Sets a new password (generated when none is given) and returns it. */
    CompteCree changerMotDePasse(String identifiant, String motDePasse, Contexte contexte);

    /**
     * The logins and addresses locked now after too many failed logins (on this node), with the end of each lock:
     * all of them for an administrator, the logins of the accounts it manages for a gestionnaire.
     */
    java.util.Map<String, java.time.Instant> verrous(Contexte contexte);

    /**
     * Lifts the lock of a login (or, administrators only, of an address) before its end; audited.
     *
     * @return false when there was none
     */
    boolean deverrouiller(String identifiantOuAdresse, Contexte contexte);

    /**
     * A created account and its password in clear, to hand over once.
     *
     * @param utilisateur the account
     * @param motDePasse  its password
     */
    record CompteCree(Utilisateur utilisateur, String motDePasse) {
        @Override
        public String toString() {
            return "CompteCree[" + utilisateur + ", motDePasse=***]";
        }
    }
}
