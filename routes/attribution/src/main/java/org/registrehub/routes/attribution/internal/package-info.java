/** The attribution capability's route. Wiring: Blueprint (Camel context). */
package org.registrehub.routes.attribution.internal;
