package org.registrehub.api.attribution.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.registrehub.api.Canal;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.acces.EntreeAudit;
import org.registrehub.api.attribution.Candidature;
import org.registrehub.api.attribution.EvenementLogement;
import org.registrehub.api.attribution.MotifMoinsDeTrois;

/** The candidatures of the offered dwellings. */
public interface CandidatureStore {

    /** The candidatures of the dwelling's current offer, by rank then date. */
    List<Candidature> candidatures(String identifiantRpls);

    /** What the rules need of these demands (absent: unknown). */
    Map<String, EtatDemande> demandes(Collection<String> numeros);

    /** For each of these demands, the other open dwellings it is in the running for. */
    Map<String, List<String>> ailleurs(Collection<String> numeros, String identifiantRpls);

    /**
     * Records the candidatures on the dwelling's offer read at that version, its status CANDIDATS_PROPOSES, the reason
     * for fewer than three (null when three), a history line, a PROPOSITION line of each demand's follow-up, the audit
     * lines and the ERP message (if any), in one transaction.
     *
     * @throws org.registrehub.api.TransitionInterditeException if the offer changed since (nothing written)
     * @throws org.registrehub.api.MessageDejaTraiteException   if the message was processed meanwhile
     */
    void designer(String identifiantRpls, long version, MotifMoinsDeTrois motif, List<Nouvelle> candidatures,
                  Suivi suivi, EvenementLogement evenement, List<EntreeAudit> audit, MessageRecu recu);

    /**
     * A demand as the designation rules see it.
     *
     * @param statut     ACTIVE or RADIEE
     * @param territoire its département
     * @param communes   its communes wished
     */
    record EtatDemande(String statut, String territoire, List<String> communes) {
    }

    /** A candidature to record. */
    record Nouvelle(String numeroUnique, int rang, String designePar, String acteur, Canal canal, Instant horodatage) {
    }

    /**
     * The follow-up lines' common part.
     *
     * @param bailleur    the dwelling's landlord
     * @param date        the day of the proposal
     * @param commentaire free comment
     */
    record Suivi(String bailleur, LocalDate date, String commentaire) {
    }
}
