/**
 * The register's persistence, between the registration services and their store (both in the bundle
 * {@code registre-enregistrement}): demands and their history, the outbox, the messages received (idempotence), the
 * landlords' follow-up, the departmental imports by batch. Exported so that the store can be replaced on its own, and
 * for the channels that read the outbox (relay) or the messages received (ERP supervision).
 */
@Export
@Version("1.0.0")
package org.registrehub.api.registre.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
