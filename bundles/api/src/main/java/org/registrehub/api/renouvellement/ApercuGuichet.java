package org.registrehub.api.renouvellement;

import java.math.BigDecimal;

/**
 * What a campaign does (or would do) for one guichet.
 *
 * @param courriels                  renewal notices by email
 * @param lettres                    renewal notices by letter
 * @param recommandes                traceable letters of the non-response procedure
 * @param radiationsNonRenouvellement demands expired after their notice, radiated {@code NON_RENOUVELLEMENT}
 * @param radiationsNonReponse       demands whose traceable letter went unanswered, radiated {@code NON_REPONSE}
 * @param affranchissement           postage estimate of the letters (euros)
 */
public record ApercuGuichet(String guichet, long courriels, long lettres, long recommandes,
                            long radiationsNonRenouvellement, long radiationsNonReponse,
                            BigDecimal affranchissement) {

    ApercuGuichet plus(ApercuGuichet o) {
        return new ApercuGuichet(guichet, courriels + o.courriels, lettres + o.lettres, recommandes + o.recommandes,
                radiationsNonRenouvellement + o.radiationsNonRenouvellement,
                radiationsNonReponse + o.radiationsNonReponse, affranchissement.add(o.affranchissement));
    }
}
