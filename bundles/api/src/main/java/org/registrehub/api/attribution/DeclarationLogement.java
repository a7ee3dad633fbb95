package org.registrehub.api.attribution;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.registrehub.api.Typologie;

/**
 * A dwelling a landlord offers for attribution, as declared (REST, ERP message {@code offreLogement}, console). Any
 * part may be missing here: the service checks the whole and reports every problem at once.
 *
 * @param identifiantRpls   the dwelling in the RPLS (1 to 20 letters or digits)
 * @param bailleur          the landlord's organisation code; a landlord declares its own dwellings (left empty, its
 *                          own), a gestionnaire names it
 * @param adresse           street address
 * @param commune           INSEE code of the commune; it sets the territory
 * @param typologie         type of the dwelling
 * @param surface           living area in m²
 * @param etage             floor (0 ground floor, -1 semi-basement)
 * @param ascenseur         the building has a lift
 * @param accessibilite     access for a person with reduced mobility
 * @param loyer             monthly rent in euros, charges excluded
 * @param charges           monthly service charges in euros
 * @param financement       financing, which sets the income ceiling
 * @param reservataire      who the dwelling is reserved for
 * @param dateDisponibilite when it can be let
 */
public record DeclarationLogement(String identifiantRpls, String bailleur, String adresse, String commune,
                                  Typologie typologie, BigDecimal surface, Integer etage, Boolean ascenseur,
                                  Accessibilite accessibilite, BigDecimal loyer, BigDecimal charges,
                                  Financement financement, Reservataire reservataire, LocalDate dateDisponibilite) {
}
