package org.registrehub.api;

import java.time.LocalDate;

/**
 * An adult of the household: the applicant (demandeur) or the co-applicant.
 *
 * @param nom                      family name (birth name)
 * @param prenoms                  first names
 * @param dateNaissance            birth date
 * @param lieuNaissance            birth place (commune, or country abroad)
 * @param sexe                     sex
 * @param nationalite              nationality (free text, e.g. {@code française})
 * @param nir                      social security number, optional (15 characters with its key)
 * @param situationProfessionnelle professional situation
 * @param employeur                employer, optional
 */
public record Personne(String nom, String prenoms, LocalDate dateNaissance, String lieuNaissance, Sexe sexe,
                       String nationalite, String nir, SituationProfessionnelle situationProfessionnelle,
                       String employeur) {
}
