package org.registrehub.api;

import java.time.LocalDate;

/**
 * A demand of the register: its identity and life cycle, kept by the hub, and the dossier the household declared.
 *
 * @param numeroUnique              the numéro unique, stable for the whole life of the demand
 *                                  ({@code DDDMMYYNNNNNNGGGGG})
 * @param statut                    life-cycle status
 * @param guichet                   code of the guichet that registered the demand
 * @param territoire                territory (département code, 3 characters) of the first commune wished
 * @param dateDepot                 filing date (ancienneté), kept by renewals and modifications
 * @param dateValidite              last day of validity; the demand must be renewed before it
 * @param dateDernierRenouvellement date of the last renewal, null if never renewed
 * @param radiation                 how and when it was radiated, null while active
 * @param version                   optimistic-locking version, incremented by every change
 * @param dossier                   the CERFA 14069 content
 */
public record Demande(String numeroUnique, Statut statut, String guichet, String territoire, LocalDate dateDepot,
                      LocalDate dateValidite, LocalDate dateDernierRenouvellement, Radiation radiation, long version,
                      Dossier dossier) {
}
