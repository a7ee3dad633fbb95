/**
 * The departmental files' persistence, between their engine and its store (both in the bundle
 * {@code registre-fichiers-departementaux}): the outbound extracts of the changes. Exported so that the store can be
 * replaced on its own.
 */
@Export
@Version("1.0.0")
package org.registrehub.api.departemental.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
