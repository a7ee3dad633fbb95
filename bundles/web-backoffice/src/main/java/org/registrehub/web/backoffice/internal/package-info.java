/**
 * The staff's web application (back-office) at {@code /backoffice}: JAX-RS resources rendering FreeMarker templates
 * ({@code gabarits/}), forms that work without JavaScript, every action through the register's services with the
 * signed-in agent's identity and the channel {@code WEB}; what a page offers comes from the register's own rights
 * ({@code RegistreService.droits}, {@code actions}). Wiring: Blueprint.
 */
package org.registrehub.web.backoffice.internal;
