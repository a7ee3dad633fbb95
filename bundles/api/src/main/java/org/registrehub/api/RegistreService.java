package org.registrehub.api;

import java.util.List;
import java.util.Optional;

/** The register: registration and consultation of demands. Every channel (REST, SOAP, queues, console) calls it. */
public interface RegistreService {

    /**
     * Validates and registers a new demand: allocates its numéro unique, sets its filing date to today and writes the
     * {@code demandeEnregistree} event to the outbox in the same transaction.
     *
     * @throws DemandeInvalideException     if the data break a rule (nothing written)
     * @throws RegistreIndisponibleException if the database is unreachable (nothing written)
     */
    Demande enregistrer(NouvelleDemande demande, Canal canal);

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
    Optional<Demande> consulter(String numeroUnique);
}
