package org.registrehub.api.erp;

import java.time.Instant;

/**
 * A message of the ERP dead-letter queue.
 *
 * @param id           the broker's id of the message (what {@link SupervisionErp#rejouer} takes)
 * @param organisation the organisation whose queue it came from (null if unknown)
 * @param messageId    the sender's messageId, if it could be read
 * @param motif        why it failed: exception and message, field and rule (never a rejected value)
 * @param file         the queue it came from, where a replay sends it back
 * @param horodatage   when it was dead-lettered
 */
public record LettreMorte(long id, String organisation, String messageId, String motif, String file,
                          Instant horodatage) {
}
