/**
 * The renewal calendar: when a demand's notice is due, when it expires, until when it can be reactivated, when an
 * unanswered traceable letter lets it be radiated — by territory (département), as its rules are configured.
 */
@Export
@Version("1.3.0")
package org.registrehub.api.renouvellement;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
