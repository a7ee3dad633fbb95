/**
 * The persistence of access and audit (organisations, accounts, territories, EPCI, the append-only audit trail),
 * provided by the bundle {@code registre-acces} and used by the capabilities that authenticate, write the audit
 * or read the directory; exported so that the store can be replaced on its own.
 */
@Export
@Version("1.1.0")
package org.registrehub.api.acces.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
