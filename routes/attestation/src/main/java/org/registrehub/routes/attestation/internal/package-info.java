/** The route of the notices to the applicants (attestation at registration, radiation). */
package org.registrehub.routes.attestation.internal;
