package org.registrehub.api.attribution;

import java.time.LocalDate;
import java.util.List;

/**
 * A session of a landlord's commission d'attribution to plan.
 *
 * @param bailleur  the landlord (a landlord plans its own; a gestionnaire names it)
 * @param date      the day of the session
 * @param lieu      where, optional
 * @param logements the dwellings on its agenda (RPLS), in order: the landlord's offers with candidates
 */
public record PlanCommission(String bailleur, LocalDate date, String lieu, List<String> logements) {
}
