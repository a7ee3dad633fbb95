/**
 * Supervision of the landlords' ERP channel (queues on the embedded broker, dead letters), for the console and the
 * administrators.
 */
@Export
@Version("1.3.0")
package org.registrehub.api.erp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
