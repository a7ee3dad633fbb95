package org.registrehub.api.statistiques;

/** How the figures are grouped: by the demand's département, its région, the EPCI or commune it wishes first, or the guichet that registered it. */
public enum Granularite {
    REGION, DEPARTEMENT, EPCI, COMMUNE, GUICHET
}
