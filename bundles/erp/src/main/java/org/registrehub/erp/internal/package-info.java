/**
 * The handling of the landlords' ERP messages: {@link org.registrehub.erp.internal.TraitementMessageErp} reads a
 * message, checks it against its contract ({@link org.registrehub.erp.internal.ContratsErp}, the JSON Schemas of
 * {@code docs/messages} shipped in the bundle), applies it through the register's services acting as the sending
 * organisation, and builds the reply. Wired by Blueprint ({@code OSGI-INF/blueprint/erp.xml}) and published as
 * {@code TraitementErp}; the routes of {@code registre-routes-erp} carry the messages to it. Nothing exported.
 */
package org.registrehub.erp.internal;
