package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/**
 * Month by month from {@code debut} to {@code fin} (every month present, zero included), for one département or,
 * with {@code departement} null, for every territory of the hub.
 */
public record SerieMensuelle(LocalDate debut, LocalDate fin, String departement, List<LigneMensuelle> mois) {

    public SerieMensuelle {
        mois = List.copyOf(mois);
    }
}
