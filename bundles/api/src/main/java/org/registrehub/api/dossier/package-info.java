/**
 * The dossier unique: the supporting documents of a demand, uploaded once (by the applicant on the portal, or by a
 * guichet) and read by every guichet and landlord of the demand's territory. PDF, JPEG or PNG only, their content
 * verified; stored in the register's database with their SHA-256; every read audited.
 */
@Export
@Version("1.0.0")
package org.registrehub.api.dossier;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
