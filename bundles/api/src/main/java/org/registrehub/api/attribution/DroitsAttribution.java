package org.registrehub.api.attribution;

/**
 * What a user may do with the attribution capability, as its services decide it: what a screen offers (the
 * back-office's menu) is what the services would accept.
 *
 * @param consulter   list and read offered dwellings (its own as a landlord, those reserved for it, those of its
 *                    territories as a gestionnaire), their candidates and candidatures
 * @param declarer    declare dwellings (a landlord its own, a gestionnaire any landlord's in its territories)
 * @param commissions plan commissions d'attribution, read their agenda and record their decisions
 * @since 1.2.0
 */
public record DroitsAttribution(boolean consulter, boolean declarer, boolean commissions) {
}
