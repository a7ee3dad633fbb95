/**
 * The statistics' persistence, between the statistics service and its store (both in the bundle
 * {@code registre-statistiques}); exported so that the store can be replaced on its own.
 */
@Export
@Version("1.3.0")
package org.registrehub.api.statistiques.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
