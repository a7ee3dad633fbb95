/**
 * The renewal campaign's store: a Declarative Services component over the register's database
 * ({@link org.registrehub.api.spi.BaseDeDonnees}), its SQL in {@code CampagneMapper.xml} beside its mapper.
 */
package org.registrehub.campagne.internal;
