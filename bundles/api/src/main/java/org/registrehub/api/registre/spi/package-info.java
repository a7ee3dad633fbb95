/**
 * The register's persistence, between the registration services and their store (both in the bundle
 * {@code registre-enregistrement}): demands and their history, the outbox, the messages received (idempotence), the
 * landlords' follow-up, the departmental imports by batch. Exported so that the store can be replaced on its own; the
 * channels use services instead (the relay {@code api.registre.EvenementsAPublier}, the ERP supervision
 * {@code api.erp.CorrespondantsErp}).
 */
@Export
@Version("3.0.0")
package org.registrehub.api.registre.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
