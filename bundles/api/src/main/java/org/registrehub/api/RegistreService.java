package org.registrehub.api;

import java.util.List;
import java.util.Optional;

/**
 * The register: the life cycle of demands. Every channel (REST, SOAP, queues, console) calls it. Every change takes the
 * version the caller read (optimistic locking), is historized with who, when, which channel and a field-level diff,
 * and writes its event to the outbox in the same transaction.
 *
 * <p>Every operation is checked against the caller's identity ({@link Contexte#identite()}): role and territory
 * ({@link AccesRefuseException} otherwise), and every read of nominative data is written to the audit trail before
 * the data is returned.
 */
public interface RegistreService {

    /**
     * Validates and registers a new demand: allocates its numéro unique, sets its filing date to today and writes the
     * {@code demandeEnregistree} event to the outbox in the same transaction.
     *
     * @throws DemandeInvalideException     if the data break a rule (nothing written)
     * @throws RegistreIndisponibleException if the database is unreachable (nothing written)
     */
    Demande enregistrer(NouvelleDemande demande, Contexte contexte);

    /**
     * Checks a demand against every rule of the register without writing anything: the errors
     * {@link #enregistrer} would report, or an empty list.
     */
    List<ErreurChamp> verifier(NouvelleDemande demande);

    /**
     * Reads a demand by its numéro unique.
     *
     * @throws RegistreIndisponibleException if the database is unreachable
     */
    Optional<Demande> consulter(String numeroUnique, Contexte contexte);

    /**
     * Replaces the dossier of an active demand; the numéro, the filing date and the validity are kept.
     *
     * @throws DemandeInvalideException     if the new dossier breaks a rule
     * @throws DemandeIntrouvableException  if no demand has this numéro
     * @throws VersionObsoleteException     if the demand changed since {@code version}
     * @throws TransitionInterditeException if the demand is radiated
     */
    Demande modifier(String numeroUnique, long version, Dossier dossier, Contexte contexte);

    /**
     * Renews an active demand for one more year from today, keeping its numéro and filing date; the dossier may be
     * updated at the same time ({@code dossier} null keeps it).
     */
    Demande renouveler(String numeroUnique, long version, Dossier dossier, Contexte contexte);

    /** Radiates an active demand for one of the five reasons of CCH R441-2-8. */
    Demande radier(String numeroUnique, long version, DemandeRadiation radiation, Contexte contexte);

    /**
     * Reactivates a demand radiated for non-renewal, within the grace period, keeping its numéro and filing date;
     * it is valid one more year from today.
     */
    Demande reactiver(String numeroUnique, long version, Contexte contexte);

    /**
     * Searches demands, one page at a time ({@code page} from 0, {@code taille} from 1 to 100).
     *
     * @throws DemandeInvalideException for a malformed criterion or a page beyond {@link PageDemandes#TOTAL_MAX}
     */
    PageDemandes rechercher(CriteresRecherche criteres, Tri tri, int page, int taille, Contexte contexte);

    /** Every change of a demand, oldest first. */
    List<EntreeHistorique> historique(String numeroUnique, Contexte contexte);

    /** What the caller's roles allow on the register (a screen's menus); reads nothing. */
    DroitsRegistre droits(Contexte contexte);

    /**
     * What the caller may do now on this demand, as read by {@link #consulter}: its rights within its perimeter and
     * the demand's state. Every operation checks again when called.
     */
    ActionsDemande actions(Demande demande, Contexte contexte);
}
