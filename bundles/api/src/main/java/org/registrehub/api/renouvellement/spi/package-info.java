/**
 * The renewal campaign's persistence, between the campaign engine and its store (bundle
 * {@code registre-campagne-renouvellement}); exported so that the store can be replaced on its own.
 */
@Export
@Version("3.0.0")
package org.registrehub.api.renouvellement.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
