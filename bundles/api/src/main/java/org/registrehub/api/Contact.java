package org.registrehub.api;

/**
 * How to reach the applicant. The renewal notice goes by email when there is one, by letter otherwise.
 *
 * @param adresse    street address
 * @param codePostal postal code
 * @param ville      town of the address
 * @param telephone  phone number, optional
 * @param email      email address, optional
 */
public record Contact(String adresse, String codePostal, String ville, String telephone, String email) {
}
