/**
 * The Infocentre's service. Wiring: Declarative Services; the figures come from the store's statistics SPI.
 */
package org.registrehub.statistics.internal;
