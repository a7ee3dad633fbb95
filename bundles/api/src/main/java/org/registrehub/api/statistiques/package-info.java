/**
 * The statistics of the register (Infocentre): aggregated figures only, never nominative data.
 */
@Export
@Version("1.7.0")
package org.registrehub.api.statistiques;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
