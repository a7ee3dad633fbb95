/**
 * Jackson-based {@link org.registrehub.api.spi.JsonCodec}. Wiring: Declarative Services (one immediate component).
 */
package org.registrehub.json.internal;
