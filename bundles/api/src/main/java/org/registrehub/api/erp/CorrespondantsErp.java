package org.registrehub.api.erp;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The register's side of the ERP channel: which organisations exchange with an ERP, and what the hub last did with a
 * message of each. Provided by the ERP capability (bundle {@code registre-erp}), which owns the rule; the routes that
 * carry the messages give queues to {@link #avecFiles()} and add what the broker sees for the supervision.
 *
 * @since 1.2.0
 */
public interface CorrespondantsErp {

    /** The codes of the organisations that exchange with their ERP now: the active landlords and guichets. */
    Set<String> avecFiles();

    /**
     * Every organisation that has queues or whose message was handled (a disabled one keeps its history), by code.
     */
    List<CorrespondantErp> correspondants();

    /**
     * One organisation of the ERP channel, as the register knows it.
     *
     * @param organisation     its code
     * @param territoires      the départements and EPCI it works on (empty if it no longer exists)
     * @param avecFiles        it exchanges with its ERP now (an active landlord or guichet)
     * @param dernierMessageId the last message handled (null: none yet)
     * @param dernierType      its type
     * @param dernierStatut    ACCEPTE or REJETE
     * @param dernierTraiteLe  when
     */
    record CorrespondantErp(String organisation, Set<String> territoires, boolean avecFiles, String dernierMessageId,
                            String dernierType, String dernierStatut, Instant dernierTraiteLe) {

        public CorrespondantErp {
            territoires = territoires == null ? Set.of() : Set.copyOf(territoires);
        }
    }
}
