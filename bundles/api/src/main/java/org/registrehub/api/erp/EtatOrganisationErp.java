package org.registrehub.api.erp;

import java.time.Instant;

/**
 * One organisation's ERP queues as the broker and the register see them now.
 *
 * @param organisation      its code
 * @param territoires       the départements and EPCI it works on (empty if it no longer exists)
 * @param consommee         the hub consumes its inbound queue right now
 * @param entrants          messages waiting on {@code registre.erp.<CODE>.entrant}
 * @param reponses          replies not yet read on {@code registre.erp.<CODE>.reponses}
 * @param evenements        events not yet read on {@code registre.erp.<CODE>.evenements}
 * @param lettresMortes     its messages in the dead-letter queue
 * @param dernierMessageId  the last message processed (null: none yet)
 * @param dernierType       its type
 * @param dernierStatut     ACCEPTE or REJETE
 * @param dernierTraiteLe   when
 */
public record EtatOrganisationErp(String organisation, java.util.Set<String> territoires, boolean consommee, long entrants, long reponses,
                                  long evenements, long lettresMortes, String dernierMessageId, String dernierType,
                                  String dernierStatut, Instant dernierTraiteLe) {

    public EtatOrganisationErp {
        territoires = territoires == null ? java.util.Set.of() : java.util.Set.copyOf(territoires);
    }
}
