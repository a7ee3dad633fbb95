/**
 * Persistence of the attribution capability (bundle {@code registre-attribution}): its store interfaces, implemented
 * there over the shared database core.
 */
@Export
@Version("1.2.0")
package org.registrehub.api.attribution.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
