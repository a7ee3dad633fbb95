package org.registrehub.api.national;

import java.time.Instant;
import java.util.UUID;

import org.registrehub.api.Demande;
import org.registrehub.api.Operation;

/**
 * A change of a demand as sent to the national register: the operation and the demand as it is after it.
 *
 * @param evenementId the outbox event (the national side drops a second delivery)
 * @param operation   what changed
 * @param horodatage  when
 * @param demande     the demand after the change (its version orders the changes)
 */
public record MouvementNational(UUID evenementId, Operation operation, Instant horodatage, Demande demande) {
}
