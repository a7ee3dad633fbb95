/**
 * Service provider interfaces between the hub's own bundles (persistence, outbox, JSON codec).
 * They are exported so that bundles can be replaced independently, but they are not meant for clients of the hub.
 */
@Export
@Version("3.1.0")
package org.registrehub.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
