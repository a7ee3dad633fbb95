package org.registrehub.api;

import java.time.LocalDate;

/**
 * What a guichet submits to register a demand. Any field may be {@code null} here: the registration service
 * validates the whole record and reports every problem at once with {@link DemandeInvalideException}.
 *
 * @param nom           family name of the applicant
 * @param prenom        first name(s) of the applicant
 * @param dateNaissance birth date
 * @param commune       INSEE code of the first wished commune (defines the territory), e.g. {@code 44109}
 * @param typologie     dwelling type wished
 * @param guichet       code of the registering guichet ({@code G} + 4 digits, or {@code GDPUB})
 */
public record NouvelleDemande(String nom, String prenom, LocalDate dateNaissance, String commune,
                              Typologie typologie, String guichet) {
}
