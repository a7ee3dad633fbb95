package org.registrehub.api.attribution;

import java.time.LocalDate;

/**
 * A commission d'attribution in a list: its session without the agenda's sheets.
 *
 * @param id         its number
 * @param bailleur   the landlord
 * @param territoire the département of its dwellings
 * @param date       the day of the session
 * @param lieu       where, if said
 * @param statut     planned or held
 * @param logements  how many dwellings its agenda holds
 * @since 1.2.0
 */
public record ResumeCommission(long id, String bailleur, String territoire, LocalDate date, String lieu,
                               StatutCommission statut, int logements) {
}
