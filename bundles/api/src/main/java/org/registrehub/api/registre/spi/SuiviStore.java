package org.registrehub.api.registre.spi;

import java.util.List;

import org.registrehub.api.MessageRecu;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.acces.EntreeAudit;

/** Persistence of the landlords' follow-up of demands (propositions, CAL decisions). */
public interface SuiviStore {

    /**
     * Writes the lines, their audit lines and, when {@code recu} is not null, the message as processed, in one
     * transaction.
     *
     * @throws org.registrehub.api.MessageDejaTraiteException if the message was already processed (nothing written)
     */
    void enregistrer(List<SuiviAttribution> lignes, List<EntreeAudit> audit, MessageRecu recu);

    /** The follow-up of a demand, oldest first. */
    List<SuiviAttribution> suivi(String numeroUnique);
}
