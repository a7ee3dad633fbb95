package org.registrehub.api.statistiques;

import java.time.LocalDate;
import java.util.List;

/**
 * Month by month from {@code debut} to {@code fin} (every month present, zero included), for one département or,
 * with {@code departement} null, for every territory of the hub.
 *
 * <p>{@code secret}: the cells masked by the secret statistique ({@link Secret#AUCUN} inside the circle).
 */
public record SerieMensuelle(LocalDate debut, LocalDate fin, String departement, List<LigneMensuelle> mois, Secret secret) {

    public SerieMensuelle {
        mois = List.copyOf(mois);
        secret = secret == null ? Secret.AUCUN : secret;
    }

    /** A series read inside the circle: nothing masked. */
    public SerieMensuelle(LocalDate debut, LocalDate fin, String departement, List<LigneMensuelle> mois) {
        this(debut, fin, departement, mois, Secret.AUCUN);
    }
}
