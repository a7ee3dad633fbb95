package org.registrehub.api.national;

import java.time.Instant;
import java.util.List;

/**
 * Where the national synchronization stands.
 *
 * @param enAttente      outbox events not yet sent to the national register
 * @param plusAncien     when the oldest of them was written (the lag), or null if none waits
 * @param refuses        events the national register refused (kept, listed by the reconciliation)
 * @param circuit        state of the circuit breaker in front of the national register (CLOSED, OPEN, HALF_OPEN)
 * @param prochainEssai  when sending resumes after failures, or null
 * @param taches         the state of every task
 */
public record EtatSynchronisation(long enAttente, Instant plusAncien, long refuses, String circuit,
                                  Instant prochainEssai, List<EtatTache> taches) {

    public EtatSynchronisation {
        taches = taches == null ? List.of() : List.copyOf(taches);
    }
}
