package org.registrehub.api;

import java.math.BigDecimal;

/**
 * One monthly resource of one person of the household.
 *
 * @param beneficiaire   whose resource it is
 * @param rang           for {@link Beneficiaire#PERSONNE_A_CHARGE}: the person's rank (1 = first), else null
 * @param type           type of resource
 * @param montantMensuel monthly amount in euros
 */
public record Ressource(Beneficiaire beneficiaire, Integer rang, TypeRessource type, BigDecimal montantMensuel) {
}
