/**
 * The numbering's persistence, between the numbering service and its counters (both in the bundle
 * {@code registre-numerotation}); exported so that the counters can be replaced on their own.
 */
@Export
@Version("1.0.0")
package org.registrehub.api.numerotation.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
