package org.registrehub.api;

import java.util.List;

/**
 * What the household declares: the content of the CERFA 14069 form. It is what a guichet submits at registration
 * and replaces at each modification; the register's own data (numéro, dates, status) live in {@link Demande}.
 *
 * @param demandeur          the applicant
 * @param coDemandeur        the co-applicant, if any
 * @param personnesACharge   the other people who will live in the dwelling
 * @param contact            how to reach the applicant
 * @param situationFamiliale family situation of the applicant
 * @param ressources         monthly resources, per person and type
 * @param revenuFiscal       reference taxable income of the household
 * @param logementActuel     current dwelling
 * @param motifs             reasons, one to three, in order
 * @param logementRecherche  dwelling wished for
 * @param handicap           handicap and mobility needs, if any
 */
public record Dossier(Personne demandeur, CoDemandeur coDemandeur, List<PersonneACharge> personnesACharge,
                      Contact contact, SituationFamiliale situationFamiliale, List<Ressource> ressources,
                      RevenuFiscal revenuFiscal, LogementActuel logementActuel, List<Motif> motifs,
                      LogementRecherche logementRecherche, Handicap handicap) {

    /** Number of people in the household (applicant, co-applicant, dependents). */
    public int tailleMenage() {
        return 1 + (coDemandeur == null ? 0 : 1) + (personnesACharge == null ? 0 : personnesACharge.size());
    }

    /** A demand by a tenant of the social stock is a mutation. */
    public boolean mutation() {
        return logementActuel != null && logementActuel.statut() == StatutLogement.LOCATAIRE_HLM;
    }
}
