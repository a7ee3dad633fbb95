/**
 * The attestation d'enregistrement in PDF. Wiring: Declarative Services; {@link
 * org.registrehub.attestation.internal.AttestationPdf} publishes {@link org.registrehub.api.AttestationService} and
 * reads the demand and the guichets of its territory through the store's interface. Configuration PID
 * {@code org.registrehub.attestation}.
 */
package org.registrehub.attestation.internal;
