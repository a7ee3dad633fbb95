package org.registrehub.api.attribution;

import java.time.Instant;

/**
 * What the applicant was told about a candidature: a proposal (designated for a dwelling) or the commission's decision,
 * once each, by e-mail or by letter.
 *
 * @param nature     {@code PROPOSITION} or {@code DECISION}
 * @param decision   the decision told (a {@link DecisionCandidat} name), for a DECISION
 * @param canal      {@code EMAIL} or {@code COURRIER}
 * @param etat       {@code A_ENVOYER} or {@code ENVOYEE}
 * @param lot        the day's batch of letters it was printed in (file name), for a letter
 * @param observation why an e-mail became a letter (address refused), if it did
 */
public record NotificationCandidat(long id, String numeroUnique, String identifiantRpls, String nature, String decision,
                                   String canal, String etat, Instant creeLe, Instant envoyeeLe, String lot,
                                   String observation) {
}
