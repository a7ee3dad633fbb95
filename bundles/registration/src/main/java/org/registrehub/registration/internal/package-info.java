/**
 * Registration use cases. Wiring: Declarative Services — {@link RegistreServiceImpl} publishes
 * {@link org.registrehub.api.RegistreService} and references the numbering, the store and the JSON codec by interface.
 * Configuration PID {@code org.registrehub.registration}.
 */
package org.registrehub.registration.internal;
