package org.registrehub.api.attribution;

/** Who a dwelling is reserved for: the one who proposes its candidates. */
public enum TypeReservataire {
    /** the préfet's contingent (priority households, DALO) */
    PREFECTURE,
    ACTION_LOGEMENT,
    /** a commune or an EPCI */
    COLLECTIVITE,
    /** the landlord's own stock */
    BAILLEUR
}
