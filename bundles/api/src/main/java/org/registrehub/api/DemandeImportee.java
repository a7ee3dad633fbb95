package org.registrehub.api;

import java.time.LocalDate;

/**
 * A demand read from a legacy departmental extract, before it gets its numéro unique.
 *
 * @param ligne                     its line (CSV) or element (XML) number in the extract, for the rejects report
 * @param ancienNumero              its number in the departmental file, kept and mapped to the numéro unique
 * @param guichet                   the registering guichet ({@code G} + 4 digits)
 * @param dateDepot                 its original filing date (ancienneté kept)
 * @param dateDernierRenouvellement its last renewal in the departmental file, or null
 * @param dossier                   the CERFA content
 */
public record DemandeImportee(long ligne, String ancienNumero, String guichet, LocalDate dateDepot,
                              LocalDate dateDernierRenouvellement, Dossier dossier) {
}
