package org.registrehub.api.registre.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MessageRecu;

/**
 * The ERP messages already processed, for idempotency. An accepted message is recorded by the {@link DemandeStore} or
 * the {@link SuiviStore} in the transaction of its change; a rejected one here, after the rejection.
 */
public interface MessageErpStore {

    /** What the hub did with a message: accepted (with the demand concerned) or rejected (with the errors). */
    record MessageTraite(MessageRecu recu, String statut, String numeroUnique, List<ErreurChamp> erreurs,
                         Instant traiteLe) {

        public static final String ACCEPTE = "ACCEPTE";
        public static final String REJETE = "REJETE";

        public MessageTraite {
            erreurs = erreurs == null ? List.of() : List.copyOf(erreurs);
        }
    }

    Optional<MessageTraite> message(String organisation, String messageId);

    /**
     * Records a rejected message with its errors; false when the message was already recorded (its first answer
     * stands).
     */
    boolean rejeter(MessageRecu recu, String numeroUnique, List<ErreurChamp> erreurs);

    /** The last message processed of each organisation, most recent first. */
    List<MessageTraite> derniersParOrganisation();
}
