/**
 * Numéro unique allocation. Wiring: Declarative Services; the counter itself is a database row per territory and
 * month ({@link org.registrehub.api.numerotation.spi.CompteurStore}), so any number of hub nodes allocate without collision.
 */
package org.registrehub.numbering.internal;
