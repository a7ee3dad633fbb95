package org.registrehub.api.renouvellement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.registrehub.api.PersonneACharge;
import org.registrehub.api.Ressource;
import org.registrehub.api.RevenuFiscal;

/**
 * What the renewal page shows the applicant: the demand's number and dates, the household and the resources.
 *
 * @param demandeur      first names and name of the applicant
 * @param coDemandeur    first names and name of the co-applicant, or null
 * @param jetonExpire    when the link stops working
 */
public record DemandeEnLigne(String numeroUnique, LocalDate dateDepot, LocalDate finValidite, String demandeur,
                             String coDemandeur, List<PersonneACharge> personnesACharge, List<Ressource> ressources,
                             RevenuFiscal revenuFiscal, Instant jetonExpire) {
}
