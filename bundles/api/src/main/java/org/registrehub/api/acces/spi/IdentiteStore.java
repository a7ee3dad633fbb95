package org.registrehub.api.acces.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.Utilisateur;

/**
 * Organisations, users and territories in PostgreSQL. Passwords are stored only as bcrypt hashes. Every change takes
 * its audit line, written in the same transaction (none when the change does not happen; {@code null}: not audited).
 */
public interface IdentiteStore {

    /**
     * A user with its hash and its organisation.
     *
     * @param utilisateur  the account
     * @param empreinte    bcrypt hash of its password
     * @param organisation its organisation, territories included
     * @param communes     the communes of the organisation's EPCI territories
     */
    record Compte(Utilisateur utilisateur, String empreinte, Organisation organisation, Set<String> communes) {

        public Compte {
            communes = communes == null ? Set.of() : Set.copyOf(communes);
        }

        public Compte(Utilisateur utilisateur, String empreinte, Organisation organisation) {
            this(utilisateur, empreinte, organisation, Set.of());
        }

        @Override
        public String toString() {
            return "Compte[" + utilisateur.identifiant() + "]";
        }
    }

    Optional<Compte> compte(String identifiant);

    Optional<Organisation> organisation(String code);

    List<Organisation> organisations();

    /** Inserts the organisation and its territories; false when the code (or guichet code) is taken. */
    boolean creerOrganisation(Organisation organisation, org.registrehub.api.acces.EntreeAudit audit);

    void accorderTerritoire(String organisation, String territoire, org.registrehub.api.acces.EntreeAudit audit);

    void revoquerTerritoire(String organisation, String territoire, org.registrehub.api.acces.EntreeAudit audit);

    /**
     * Inserts or replaces an EPCI and its member communes, with its audit lines (one per département touched by the
     * change: its current and its new communes) in the same transaction.
     */
    void definirEpci(org.registrehub.api.acces.Epci epci, List<org.registrehub.api.acces.EntreeAudit> audits);

    Optional<org.registrehub.api.acces.Epci> epci(String code);

    /** Every EPCI with its member communes, by name. @since 1.1.0 */
    List<org.registrehub.api.acces.Epci> epcis();

    /** An organisation's directory entry (active or not), if it has a guichet code. @since 1.1.0 */
    Optional<org.registrehub.api.acces.Guichet> guichet(String organisation);

    /** Address and opening hours of an organisation (public directory); false when it is unknown. */
    boolean changerCoordonnees(String organisation, String adresse, String horaires, org.registrehub.api.acces.EntreeAudit audit);

    /** Active organisations with a guichet code working on this département or on an EPCI of this commune. */
    List<org.registrehub.api.acces.Guichet> annuaire(String territoire, String commune);

    /** Inserts the user; false when the login is taken. */
    boolean creerUtilisateur(String identifiant, String nom, String organisation, Set<Role> roles, String empreinte,
                             org.registrehub.api.acces.EntreeAudit audit);

    List<Utilisateur> utilisateurs(String organisation);

    /** Sets the active flag; false when the user is unknown. */
    boolean activerUtilisateur(String identifiant, boolean actif, org.registrehub.api.acces.EntreeAudit audit);

    boolean changerEmpreinte(String identifiant, String empreinte, org.registrehub.api.acces.EntreeAudit audit);

    /** Number of active users holding this role (the first start creates the administrator when there is none). */
    long utilisateursActifs(Role role);
}
