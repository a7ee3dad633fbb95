package org.registrehub.api.renouvellement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notice sent (or to be sent) to an applicant.
 *
 * @param nature      {@code AVIS} (renewal notice) or {@code NON_REPONSE} (traceable letter)
 * @param canal       {@code EMAIL} or {@code COURRIER}
 * @param finValidite the end of validity the notice is about
 * @param etat        {@code A_ENVOYER} (reserved, not sent yet), {@code ENVOYE}, {@code INCERTAIN} (sending
 *                    interrupted, never sent again), {@code REPONDU} (traceable letter answered), {@code CLOS}
 *                    (traceable letter closed by a radiation)
 * @param dateEnvoi   the day it went out (campaign day)
 * @param fichier     the letter batch it is printed in
 * @param objet       what a traceable letter asks for
 */
public record Avis(long id, String numeroUnique, String nature, String canal, String guichet, LocalDate finValidite,
                   String etat, Instant cree, LocalDate dateEnvoi, String fichier, String objet) {

    public static final String AVIS = "AVIS";
    public static final String NON_REPONSE = "NON_REPONSE";
    public static final String EMAIL = "EMAIL";
    public static final String COURRIER = "COURRIER";
}
