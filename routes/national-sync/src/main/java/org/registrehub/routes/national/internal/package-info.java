/**
 * Synchronization with the national register: the SOAP client (circuit breaker), the sending of the outbox events,
 * the daily pulls and the reconciliation, wired by Blueprint ({@code OSGI-INF/blueprint/national.xml}) as the other
 * route bundles. Nothing here is exported: the services are published under the API's interfaces.
 */
package org.registrehub.routes.national.internal;
