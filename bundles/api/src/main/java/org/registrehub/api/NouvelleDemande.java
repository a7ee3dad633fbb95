package org.registrehub.api;

/**
 * What a guichet submits to register a demand. Any part may be missing here: the registration service validates the
 * whole record and reports every problem at once with {@link DemandeInvalideException}.
 *
 * @param guichet              code of the registering guichet ({@code G} + 4 digits, or {@code GDPUB} for the
 *                             public portal)
 * @param dossier              the CERFA 14069 content
 * @param justificationDoublon why a new demand is registered although the applicant already has an active one; only
 *                             needed after a {@link DoublonPresumeException}, kept in the history
 */
public record NouvelleDemande(String guichet, Dossier dossier, String justificationDoublon) {

    /** A demand with no duplicate justification. */
    public NouvelleDemande(String guichet, Dossier dossier) {
        this(guichet, dossier, null);
    }
}
