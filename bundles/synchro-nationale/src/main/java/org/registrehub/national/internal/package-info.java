/**
 * Synchronization with the national register: the SOAP client (circuit breaker), the sending of the outbox events,
 * the daily pulls, the reconciliation and their persistence ({@code NationalMapper.xml} on the shared store core),
 * wired by Blueprint ({@code OSGI-INF/blueprint/synchro-nationale.xml}). Nothing here is exported: the services are
 * published under the API's interfaces; the routes of {@code registre-routes-synchro-nationale} call them on a timer.
 */
package org.registrehub.national.internal;
