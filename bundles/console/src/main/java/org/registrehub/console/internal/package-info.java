/**
 * Karaf shell commands of the {@code registre} scope. Wiring: Karaf's own annotations ({@code @Service},
 * {@code @Command}, {@code @Reference}), discovered through the {@code Karaf-Commands} header.
 */
package org.registrehub.console.internal;
