package org.registrehub.api.attribution;

import org.registrehub.api.Contexte;

/**
 * Matching: for one offered dwelling, the pending demands of its territory that wish its commune and typology and pass
 * the territory's eliminatory criteria, ranked by its keys, each explained criterion by criterion. Read by the
 * dwelling's landlord, its réservataire and the gestionnaires of its territory; a nominative read, audited.
 */
public interface RapprochementService {
    /** Most candidates a list holds. */
    int LIMITE_MAX = 200;
    /** Eligible demands are counted up to so many (a large city's common typology has more: "at least"). */
    long DECOMPTE_MAX = 10_000;

    /**
     * @param identifiantRpls the dwelling (its open offer)
     * @param limite          how many candidates to list, 1 to {@link #LIMITE_MAX}
     */
    Rapprochement rapprocher(String identifiantRpls, int limite, Contexte contexte);

    /** The rules that apply on a territory (département). */
    ReglesRapprochement regles(String territoire);
}
