package org.registrehub.api.attribution.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.StatutOffre;

/** The offers of dwellings, their history and their audit lines, each change in one transaction. */
public interface LogementStore {
    /**
     * Records a new offer with its first history line and its audit line, and the ERP message that asked for it (if
     * any), in one transaction.
     *
     * @param recu the ERP message, or null
     * @throws org.registrehub.api.RegistreException          {@code EXISTE_DEJA} if the dwelling has an open offer
     * @throws org.registrehub.api.MessageDejaTraiteException if the message was processed meanwhile (nothing written)
     */
    LogementOffert declarer(LogementOffert logement, EvenementLogement evenement, EntreeAudit audit,
                            org.registrehub.api.MessageRecu recu);

    /** The open offer of the dwelling, or else its last one. */
    Optional<LogementOffert> logement(String identifiantRpls);

    /** The offers of a perimeter, most recent first. */
    List<LogementOffert> logements(Perimetre perimetre, StatutOffre statut, String commune, int limite);

    /**
     * Changes the status of the current offer read at that version, with a history line and an audit line; a withdrawal
     * cancels the candidatures the commission has not decided on.
     *
     * @throws org.registrehub.api.VersionObsoleteException if it changed since
     */
    LogementOffert changerStatut(String identifiantRpls, long version, StatutOffre statut, EvenementLogement evenement,
                                 EntreeAudit audit);

    /** The history of the current offer, oldest first. */
    List<EvenementLogement> historique(String identifiantRpls);

    /**
     * Who sees which offers: an organisation's own dwellings and those reserved for it, and every offer of the
     * départements and communes given (a gestionnaire's territories).
     *
     * @param organisation the caller's organisation
     * @param departements départements wholly visible (may be empty)
     * @param communes     communes wholly visible (EPCI territories; may be empty)
     */
    record Perimetre(String organisation, Set<String> departements, Set<String> communes) {
        public Perimetre {
            departements = Set.copyOf(departements);
            communes = Set.copyOf(communes);
        }
    }
}
