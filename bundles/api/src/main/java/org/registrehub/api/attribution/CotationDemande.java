package org.registrehub.api.attribution;

import java.time.LocalDate;
import java.util.List;

/**
 * What an applicant is entitled to know about the cotation of the demand (read by the guichets and landlords of its
 * territory now, by the applicant in the portal later).
 *
 * @param numeroUnique           the demand
 * @param jour                   the day of the figures
 * @param territoireGrille       the territory whose grid scores it (EPCI of its first commune, else its département);
 *                               null when none has a grid
 * @param versionGrille          that grid's version (0 without grid)
 * @param points                 its points
 * @param detail                 the points criterion by criterion, in the grid's order
 * @param commune                its first commune wished
 * @param typologie              its first typology wished
 * @param position               its rank among the pending demands of that commune and typology, by points (an older
 *                               demand first at equal points); 1 is the first
 * @param demandesComparees      how many pending demands wish that commune and typology
 * @param attributionsSimilaires attributions of demands of that first commune and typology over the last 12 months
 * @param delaiMoyenMois         their average wait from filing to attribution, in months (null without attribution)
 */
public record CotationDemande(String numeroUnique, LocalDate jour, String territoireGrille, int versionGrille,
                              int points, List<PointsCritere> detail, String commune, String typologie,
                              long position, long demandesComparees, long attributionsSimilaires,
                              Double delaiMoyenMois) {
    public CotationDemande {
        detail = List.copyOf(detail);
    }
}
