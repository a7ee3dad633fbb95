package org.registrehub.api;

/** Status in the current dwelling (CERFA 14069, section 5). A social tenant's demand is a mutation. */
public enum StatutLogement {
    LOCATAIRE_HLM, LOCATAIRE_PRIVE, SOUS_LOCATAIRE, HEBERGE_FAMILLE, HEBERGE_TIERS, FOYER, RESIDENCE_SOCIALE,
    HOTEL, CAMPING_CARAVANE, SANS_ABRI, PROPRIETAIRE, LOGEMENT_FONCTION, AUTRE
}
