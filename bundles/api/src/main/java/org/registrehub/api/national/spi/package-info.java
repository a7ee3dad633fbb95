/**
 * The national synchronization's persistence, between its engine and its store (both in the bundle
 * {@code registre-synchro-nationale}); exported so that the store can be replaced on its own.
 */
@Export
@Version("1.0.0")
package org.registrehub.api.national.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
