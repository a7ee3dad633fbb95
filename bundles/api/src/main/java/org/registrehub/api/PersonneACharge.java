package org.registrehub.api;

import java.time.LocalDate;

/** A person who will live in the dwelling and depends on the applicant (child, ascendant...). */
public record PersonneACharge(String nom, String prenoms, LocalDate dateNaissance, Sexe sexe, LienParente lien) {
}
