/**
 * Public API of Registre Hub: the demand records, the services that act on them and the errors they raise.
 * Every other bundle talks to the register through these interfaces, obtained from the OSGi service registry.
 */
@Export
@Version("1.13.0")
package org.registrehub.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
