package org.registrehub.api;

/** The operations of the life cycle, as recorded in the history and published as events. */
public enum Operation {
    ENREGISTREMENT("demandeEnregistree"),
    MODIFICATION("demandeModifiee"),
    RENOUVELLEMENT("demandeRenouvelee"),
    RADIATION("demandeRadiee"),
    REACTIVATION("demandeReactivee");

    private final String evenement;

    Operation(String evenement) {
        this.evenement = evenement;
    }

    /** Type of the event published for this operation. */
    public String evenement() {
        return evenement;
    }
}
