/**
 * The attribution capability: offered dwellings and matching. Wiring: Declarative Services; the SQL is this bundle's
 * ({@code AttributionMapper.xml}), run through the shared database core.
 */
package org.registrehub.attribution.internal;
