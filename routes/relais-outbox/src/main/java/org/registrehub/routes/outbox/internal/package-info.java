/**
 * Outbox relay. Wiring: Blueprint ({@code OSGI-INF/blueprint/outbox.xml}), configuration PID
 * {@code org.registrehub.outbox}. A timer route calls {@link org.registrehub.routes.outbox.internal.RelaisOutbox},
 * which locks pending events in PostgreSQL and publishes each through the {@code outbox-publication} route; the events
 * are marked published in the same database transaction, so a crash or a broker outage loses nothing (it may publish
 * twice, which the broker's duplicate detection and the consumers' idempotency absorb).
 */
@Header(name = SanteService.EN_TETE_COMPOSANTS, value = RelaisOutbox.COMPOSANT)
package org.registrehub.routes.outbox.internal;

import org.osgi.annotation.bundle.Header;
import org.registrehub.api.SanteService;
