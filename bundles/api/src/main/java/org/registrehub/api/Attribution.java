package org.registrehub.api;

/**
 * The lease that ended a demand (radiation for attribution).
 *
 * @param bailleur       code or name of the landlord
 * @param identifiantRpls identifier of the dwelling in the RPLS (répertoire des logements locatifs sociaux)
 * @param reservataire   the réservataire whose quota the dwelling came from (State, Action Logement, commune...)
 * @param dalo           the household was recognised DALO (priority and urgent); required
 */
public record Attribution(String bailleur, String identifiantRpls, String reservataire, Boolean dalo) {
}
