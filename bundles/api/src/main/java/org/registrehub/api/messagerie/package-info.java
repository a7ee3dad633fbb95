/**
 * The hub's e-mail channel to applicants: one SMTP server for every capability that writes to them (renewal notices,
 * attribution notifications).
 */
@Export
@Version("1.1.0")
package org.registrehub.api.messagerie;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
