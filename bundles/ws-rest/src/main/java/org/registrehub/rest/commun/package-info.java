/**
 * What every REST server of the hub shares, so that a resource installed by its own bundle (a {@code <conditional>}
 * of the {@code registre-rest} feature, such as {@code registre-rest-statistiques}) answers exactly like
 * {@code /api/v1}: HTTP Basic through the JAAS realm ({@link org.registrehub.rest.commun.AuthentificationFiltre}),
 * the size limit, hidden framework descriptions, and RFC 9457 problem documents with French messages
 * ({@link org.registrehub.rest.commun.ProblemeMapper}).
 */
@Export
@Version("1.0.0")
package org.registrehub.rest.commun;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
