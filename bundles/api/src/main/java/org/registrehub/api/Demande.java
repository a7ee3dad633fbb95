package org.registrehub.api;

import java.time.LocalDate;

/**
 * A registered demand for social housing.
 *
 * @param numeroUnique  the numéro unique, stable for the whole life of the demand ({@code DDDMMYYNNNNNNGGGGG})
 * @param nom           family name of the applicant
 * @param prenom        first name(s) of the applicant
 * @param dateNaissance birth date
 * @param commune       INSEE code of the first wished commune
 * @param typologie     dwelling type wished
 * @param guichet       code of the guichet that registered the demand
 * @param dateDepot     filing date (ancienneté), kept by renewals and modifications
 * @param statut        life-cycle status
 * @param version       optimistic-locking version, incremented by every change
 */
public record Demande(String numeroUnique, String nom, String prenom, LocalDate dateNaissance, String commune,
                      Typologie typologie, String guichet, LocalDate dateDepot, Statut statut, long version) {
}
