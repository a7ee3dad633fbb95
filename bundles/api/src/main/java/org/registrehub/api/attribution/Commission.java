package org.registrehub.api.attribution;

import java.time.LocalDate;
import java.util.List;

/**
 * A session of a landlord's commission d'attribution (CALEOL) and its agenda.
 *
 * @param id           its number
 * @param bailleur     the landlord
 * @param territoire   the département of its dwellings
 * @param date         the day of the session
 * @param lieu         where
 * @param statut       planned or held
 * @param ordreDuJour  the dwellings and their candidates
 */
public record Commission(long id, String bailleur, String territoire, LocalDate date, String lieu,
                         StatutCommission statut, List<PointOrdreDuJour> ordreDuJour) {
    public Commission {
        ordreDuJour = List.copyOf(ordreDuJour);
    }
}
