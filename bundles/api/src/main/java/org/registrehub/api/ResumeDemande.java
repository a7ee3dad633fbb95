package org.registrehub.api;

import java.time.LocalDate;

/** One line of search results: what identifies a demand without its whole dossier. */
public record ResumeDemande(String numeroUnique, Statut statut, String territoire, String guichet, String nom,
                            String prenoms, LocalDate dateNaissance, String commune, Typologie typologie,
                            LocalDate dateDepot, LocalDate dateValidite) {
}
