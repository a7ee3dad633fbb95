/**
 * The register's services for the channels that carry its events: the events waiting for the broker
 * ({@link org.registrehub.api.registre.EvenementsAPublier}). Its persistence SPI is in {@code registre.spi}.
 */
@Export
@Version("1.0.0")
package org.registrehub.api.registre;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
