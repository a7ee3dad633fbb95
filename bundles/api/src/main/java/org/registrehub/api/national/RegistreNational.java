package org.registrehub.api.national;

import java.time.Instant;
import java.time.LocalDate;

import org.registrehub.api.Personne;

/**
 * The national register's exchange interface. Every method throws {@link RegistreNationalIndisponibleException} when
 * the national side cannot be reached or fails (to be retried) and {@link RefusNationalException} when it refuses
 * the request itself (retrying the same request would be refused again).
 */
public interface RegistreNational {

    /** A national numéro unique for a demand filed on {@code dateDepot} at {@code guichet} on a territory. */
    String obtenirNumero(String territoire, String guichet, LocalDate dateDepot, Personne demandeur);

    /**
     * Sends one change of a demand. Idempotent by {@link MouvementNational#evenementId()}.
     *
     * @return true if the national register applied it, false if it had already received it
     */
    boolean transmettre(MouvementNational mouvement);

    /** Radiations made by other systems on a territory after {@code depuis} (excluded), oldest first. */
    Page<RadiationNationale> radiations(String territoire, Instant depuis, int max);

    /** Duplicates found nationally on a territory after {@code depuis} (excluded), oldest first. */
    Page<DoublonNational> doublons(String territoire, Instant depuis, int max);

    /** DALO recourses declared elsewhere on a territory after {@code depuis} (excluded), oldest first. */
    Page<RecoursDalo> recoursDalo(String territoire, Instant depuis, int max);

    /** The national status and version of a territory's demands, by numéro, after {@code apres} (excluded). */
    Page<EtatNational> etats(String territoire, String apres, int max);
}
