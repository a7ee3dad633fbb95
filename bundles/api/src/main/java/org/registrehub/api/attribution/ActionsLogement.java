package org.registrehub.api.attribution;

/**
 * What a user may do now with one offered dwelling it reads, as the services decide it.
 *
 * @param retirer  withdraw the offer (its landlord, a gestionnaire of its territory; an open offer)
 * @param designer designate candidates (whoever reads it: landlord, réservataire, gestionnaire; an open offer)
 * @param inscrire put it on the agenda of a commission (its landlord, a gestionnaire of its territory; an open
 *                 offer — the commission then needs a proposed candidate)
 * @since 1.2.0
 */
public record ActionsLogement(boolean retirer, boolean designer, boolean inscrire) {
}
