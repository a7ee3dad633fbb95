/**
 * The applicant's portal: applicant accounts (sign-up confirmed by a one-time link, sign-in by password or by the
 * numéro unique with a one-time code), sessions, the draft of a first demand, and the applicant's own demands, which
 * every operation reaches through the register's service (channel {@code EN_LIGNE}, guichet of the portal).
 */
@Export
@Version("1.0.0")
package org.registrehub.api.portail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
