package org.registrehub.api.renouvellement;

import org.registrehub.api.Demande;

/**
 * Renewal by the applicant through the link of an email notice: a one-time token that expires, which lets the
 * applicant confirm or update the household and the resources and renew the demand (channel {@code EN_LIGNE}).
 */
public interface RenouvellementEnLigne {

    /**
     * What the renewal page shows for a token.
     *
     * @throws JetonInvalideException if the token is unknown, used or expired
     */
    DemandeEnLigne lire(String jeton);

    /**
     * Renews the demand with the data confirmed or updated; the token can no longer be used.
     *
     * @throws JetonInvalideException                       if the token is unknown, used or expired
     * @throws org.registrehub.api.DemandeInvalideException if the data break a rule (the token stays usable)
     */
    Demande confirmer(String jeton, MiseAJourEnLigne miseAJour);
}
