package org.registrehub.api.attribution.spi;

import java.util.List;

/** The matching facts of the pending demands (kept by the database from each demand's dossier) and their query. */
public interface RapprochementStore {
    /**
     * The pending demands that wish the commune and typology and pass the eliminatory criteria, ranked, the first
     * {@code limite} of them.
     */
    List<LigneRapprochement> candidats(RequeteRapprochement requete);

    /** How many pending demands pass the eliminatory criteria, counted up to {@code plafond}. */
    long eligibles(RequeteRapprochement requete, long plafond);

    /** Adds a line to the audit trail (a matching is a nominative read). */
    void auditer(org.registrehub.api.acces.EntreeAudit entree);
}
