package org.registrehub.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The landlord's side of a demand: propositions, CAL decisions, the candidate who turns a dwelling down, the lease
 * that radiates the demand. Used by the ERP channel; every operation is checked against the caller's role (bailleur or gestionnaire) and
 * territory like the register's, and, when the {@link Contexte} carries a {@link MessageRecu}, records that message in
 * the same transaction (a second delivery raises {@link MessageDejaTraiteException} and writes nothing).
 */
public interface AttributionService {

    /**
     * Records a dwelling proposed to one to three active demands (one line per candidate, in one transaction).
     *
     * @throws DemandeInvalideException     for a missing field, a rank twice, more than three candidates
     * @throws DemandeIntrouvableException  if a candidate does not exist
     * @throws TransitionInterditeException if a candidate is radiated
     */
    List<SuiviAttribution> proposer(Proposition proposition, Contexte contexte);

    /** Records the decision of a commission d'attribution on an active demand. */
    SuiviAttribution deciderCal(DecisionCommission decision, Contexte contexte);

    /**
     * The lease is signed: radiates the demand for {@link MotifRadiation#ATTRIBUTION} with the dwelling, the
     * réservataire and the DALO flag (the landlord is the caller's organisation); the current version is used.
     */
    Demande signerBail(String numeroUnique, String identifiantRpls, String reservataire, Boolean dalo,
                       LocalDate dateSignature, String commentaire, Contexte contexte);

    /**
     * The candidate turned down the dwelling proposed or attributed: recorded in the follow-up, the demand stays
     * active (giving the demand itself up is a radiation for {@link MotifRadiation#ABANDON} by a guichet).
     */
    SuiviAttribution renoncer(String numeroUnique, String identifiantRpls, LocalDate dateRenonciation,
                              String commentaire, Contexte contexte);

    /** The propositions, CAL decisions and renunciations of a demand, oldest first (a nominative read: audited). */
    List<SuiviAttribution> suivi(String numeroUnique, Contexte contexte);
}
