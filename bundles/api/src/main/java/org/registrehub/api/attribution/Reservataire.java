package org.registrehub.api.attribution;

/**
 * The réservataire of a dwelling.
 *
 * @param type         its kind
 * @param organisation the code of its organisation in the register ({@code DDETS44}, {@code AL44}, the landlord's own
 *                     code for its own stock); its users see the dwelling and propose its candidates
 */
public record Reservataire(TypeReservataire type, String organisation) {
}
