/**
 * The renewal calendar. Wiring: Declarative Services; the rules come from the configuration PID
 * {@code org.registrehub.renouvellement} (defaults, and overrides per département), re-read when it changes.
 */
package org.registrehub.renouvellement.internal;
