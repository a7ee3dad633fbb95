package org.registrehub.api.attribution.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.registrehub.api.Canal;
import org.registrehub.api.DecisionCal;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.StatutCandidature;
import org.registrehub.api.attribution.StatutCommission;

/** The commissions d'attribution, their agenda and the candidates' sheets. */
public interface CommissionStore {

    /** Records a session with the current offers of these dwellings on its agenda, in order; returns its number. */
    long creer(EnTete commission, List<String> logements, String acteur, String organisation, EntreeAudit audit);

    Optional<EnTete> commission(long id);

    /**
     * The sessions of this landlord (null: none) and of these départements, the latest first, at most {@code limite}.
     *
     * @since 1.2.0
     */
    List<org.registrehub.api.attribution.ResumeCommission> commissions(String bailleur, Set<String> departements,
                                                                       int limite);

    /** The agenda's dwellings (RPLS), in order. */
    List<String> logements(long id);

    /** The candidates of the agenda's dwellings, by dwelling and rank, with what their sheet shows on that day. */
    List<Fiche> fiches(long id, LocalDate jour);

    /** Why the dwelling's current offer has fewer than three candidates, if it was said. */
    org.registrehub.api.attribution.MotifMoinsDeTrois motifMoinsDeTrois(String identifiantRpls);

    /** Adds a line to the audit trail (a nominative read). */
    void auditer(EntreeAudit entree);

    /** For each of these demands, the other offers that attributed them a dwelling (attribution or lease). */
    Map<String, List<String>> attribueesAilleurs(Collection<String> numeros, String identifiantRpls);

    /**
     * Records the decisions (DECISION_CAL lines of the follow-up, which the candidatures follow), the session held,
     * a history line of the dwelling and the audit lines, in one transaction.
     */
    void decider(long id, String identifiantRpls, List<Decision> decisions, EvenementLogement evenement,
                 List<EntreeAudit> audit);

    /** A session as stored. */
    record EnTete(long id, String bailleur, String territoire, LocalDate date, String lieu, StatutCommission statut) {
    }

    /** A candidate's sheet as the database computes it. */
    record Fiche(String identifiantRpls, String numeroUnique, int rang, StatutCandidature statut, String nom,
                 String prenoms, boolean coDemandeur, int personnesACharge, int tailleMenage,
                 BigDecimal ressourcesMensuelles, Long revenuFiscal, BigDecimal tauxEffort, int points,
                 LocalDate dateDepot, List<String> priorites, boolean dalo, DecisionCal decision, String motif) {
    }

    /** A decision to record. */
    record Decision(String numeroUnique, DecisionCal decision, Integer rang, String motif,
                    MotifIrrecevabilite motifIrrecevabilite, String condition, String bailleur, LocalDate date,
                    String acteur, Canal canal) {
    }
}
