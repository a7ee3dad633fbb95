package org.registrehub.api;

/**
 * The attestation d'enregistrement (CCH L441-2-1): the document that gives the applicant the numéro unique, the filing
 * date, the validity and the guichets of the territory. Issued at registration and at each renewal.
 */
public interface AttestationService {

    String MEDIA_TYPE = "application/pdf";

    /**
     * The attestation service among those registered (a channel holds them as an optional Blueprint
     * {@code reference-list}, which never waits), or, when there is none, the error every channel answers at once.
     *
     * @throws FonctionnaliteAbsenteException when the {@code registre-attestation} feature is not installed (or its
     *                                        bundle is restarting)
     * @since 1.8.0
     */
    static AttestationService parmi(java.util.List<AttestationService> installes) {
        if (installes == null || installes.isEmpty()) {
            throw new FonctionnaliteAbsenteException("L'attestation", "registre-attestation");
        }
        return installes.get(0);
    }

    /**
     * The attestation of a demand, as a PDF document.
     *
     * @throws DemandeIntrouvableException   if no demand has this numéro
     * @throws TransitionInterditeException if the demand is radiated (it has no attestation any more)
     * @throws AccesRefuseException         if the caller may not read this demand
     */
    byte[] attestation(String numeroUnique, Contexte contexte);
}
