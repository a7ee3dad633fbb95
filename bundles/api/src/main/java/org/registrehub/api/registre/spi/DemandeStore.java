package org.registrehub.api.registre.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.registrehub.api.CriteresRecherche;
import org.registrehub.api.Demande;
import org.registrehub.api.Doublon;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.PageDemandes;
import org.registrehub.api.Personne;
import org.registrehub.api.Tri;

/** Persistence of demands. Implemented by the store bundle on PostgreSQL. */
public interface DemandeStore {

    /**
     * Inserts a new demand, its first history entry and its event in one transaction: all or nothing. Within that
     * transaction the applicant's active demands are looked up again under a lock on their identity, so that two
     * concurrent registrations of the same person cannot both pass unnoticed.
     *
     * @param doublonsConnus numéros of the duplicates the caller already knows and accepted
     * @param recu           the inbound message that asked for it, recorded as processed in the same transaction; or
     *                       null
     * @throws org.registrehub.api.DoublonPresumeException       if an active duplicate not in {@code doublonsConnus}
     *                                                           exists (nothing written)
     * @throws org.registrehub.api.RegistreIndisponibleException if the database is unreachable
     * @throws org.registrehub.api.MessageDejaTraiteException    if {@code recu} was already processed (nothing written)
     */
    void inserer(Demande demande, EntreeHistorique creation, EvenementDemande evenement, Set<String> doublonsConnus,
                 org.registrehub.api.MessageRecu recu);

    /** Active demands of the same applicant: same NIR, or same normalised name, first first-name and birth date. */
    List<DoublonSitue> doublons(Personne demandeur);

    /**
     * A duplicate and where it lies (its territory and wished communes), so that the registration service tells the
     * caller only what lies in its perimeter.
     */
    record DoublonSitue(Doublon doublon, String territoire, List<String> communes) {

        public DoublonSitue {
            communes = communes == null ? List.of() : List.copyOf(communes);
        }
    }

    /**
     * Replaces a demand whose version is still {@code versionAttendue}, with its history entry and its event, in one
     * transaction. The stored version becomes {@code versionAttendue + 1}. When {@code recu} is not null, the message
     * is recorded as processed in the same transaction.
     *
     * @throws org.registrehub.api.VersionObsoleteException    if the stored version is another one (nothing written)
     * @throws org.registrehub.api.DemandeIntrouvableException if there is no such demand
     * @throws org.registrehub.api.MessageDejaTraiteException  if {@code recu} was already processed (nothing written)
     */
    void mettreAJour(Demande demande, long versionAttendue, EntreeHistorique entree, EvenementDemande evenement,
                     org.registrehub.api.MessageRecu recu);

    Optional<Demande> trouver(String numeroUnique);

    /**
     * One page of the demands matching already validated criteria, within the given départements or wishing one of
     * the given communes (both null: all); the total is counted up to {@code totalMax + 1}.
     */
    PageDemandes rechercher(CriteresRecherche criteres, java.util.Set<String> territoires,
                            java.util.Set<String> communes, Tri tri, int page, int taille, int totalMax);

    /** Codes of the guichets that registered demands of a territory, in order. */
    List<String> guichets(String territoire);

    /** The history of a demand, oldest first (empty if the demand does not exist). */
    List<EntreeHistorique> historique(String numeroUnique);
}
