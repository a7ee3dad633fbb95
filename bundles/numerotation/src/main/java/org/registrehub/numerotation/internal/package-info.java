/**
 * Numéro unique allocation. Wiring: Declarative Services; the counter itself is a database row per territory and
 * month ({@link org.registrehub.api.numerotation.spi.CompteurStore}, SQL in {@code CompteurMapper.xml} through the
 * shared store core), so any number of hub nodes allocate without collision.
 */
package org.registrehub.numerotation.internal;
