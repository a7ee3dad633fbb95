package org.registrehub.erp.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.registrehub.api.DecisionCommission;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Proposition;
import org.registrehub.api.attribution.DeclarationLogement;

/**
 * An inbound ERP message (schemas {@code docs/messages/erp-*.schema.json}): the envelope and the payload of its type,
 * under the key named after it ({@code demande} for a registration).
 *
 * @param messageId     unique id chosen by the sender; echoed as {@code correlationId} in the reply
 * @param type          one of {@link ContratsErp#types()}
 * @param versionSchema version of the message shape, {@code 1}
 * @param horodatage    when the sender emitted the message
 */
public record MessageErp(String messageId, String type, Integer versionSchema, Instant horodatage,
                         NouvelleDemande demande, Proposition proposition, DecisionCommission decisionCal,
                         BailSigne bailSigne, Renonciation renonciation, Renouvellement renouvellement,
                         DeclarationLogement offreLogement) {

    public static final String ENREGISTRER_DEMANDE = "enregistrerDemande";
    public static final String PROPOSITION = "proposition";
    public static final String DECISION_CAL = "decisionCal";
    public static final String BAIL_SIGNE = "bailSigne";
    public static final String RENONCIATION = "renonciation";
    public static final String RENOUVELLEMENT = "renouvellement";
    public static final String OFFRE_LOGEMENT = "offreLogement";
    public static final int VERSION_SCHEMA = 1;

    /** The lease is signed: the demand is radiated for attribution. */
    public record BailSigne(String numeroUnique, String identifiantRpls, String reservataire, Boolean dalo,
                            LocalDate dateSignature, String commentaire) {
    }

    /** The applicant renewed the demand at the organisation's guichet ({@code version} null: the current one). */
    public record Renouvellement(String numeroUnique, Long version) {
    }

    /** The candidate turned the dwelling down. */
    public record Renonciation(String numeroUnique, String identifiantRpls, LocalDate dateRenonciation,
                               String commentaire) {
    }
}
