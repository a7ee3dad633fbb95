/**
 * The national register as the hub sees it: the client of its exchange interface ({@link RegistreNational}, SOAP
 * contract in {@code docs/national}), what it sends and lists, and the synchronization service the console drives
 * ({@link SynchronisationNationale}).
 */
@Export
@Version("1.1.0")
package org.registrehub.api.national;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
