package org.registrehub.api;

import java.time.LocalDate;

/**
 * Criteria of a search; null criteria are ignored, the others are combined (AND).
 *
 * @param numeroUnique beginning of the numéro unique
 * @param nom          beginning of the applicant's family name, ignoring accents, case, spaces and hyphens
 * @param prenom       beginning of the applicant's first names, same rules
 * @param dateNaissance applicant's birth date
 * @param commune      INSEE code of one of the communes wished
 * @param territoire   territory (département, 3 characters)
 * @param statut       status
 * @param typologie    one of the dwelling types wished
 * @param depotDu      filed on or after
 * @param depotAu      filed on or before
 * @param validiteDu   valid until a date on or after
 * @param validiteAu   valid until a date on or before (e.g. demands expiring this month)
 * @param guichet      the guichet that registered it ({@code G1104}), e.g. a guichet's own demands of the day
 */
public record CriteresRecherche(String numeroUnique, String nom, String prenom, LocalDate dateNaissance,
                                String commune, String territoire, Statut statut, Typologie typologie,
                                LocalDate depotDu, LocalDate depotAu, LocalDate validiteDu, LocalDate validiteAu,
                                String guichet) {

    /** Criteria without the guichet (every guichet). */
    public CriteresRecherche(String numeroUnique, String nom, String prenom, LocalDate dateNaissance, String commune,
                             String territoire, Statut statut, Typologie typologie, LocalDate depotDu,
                             LocalDate depotAu, LocalDate validiteDu, LocalDate validiteAu) {
        this(numeroUnique, nom, prenom, dateNaissance, commune, territoire, statut, typologie, depotDu, depotAu,
                validiteDu, validiteAu, null);
    }
}
