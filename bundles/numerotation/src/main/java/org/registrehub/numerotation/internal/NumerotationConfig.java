package org.registrehub.numerotation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.registrehub.numerotation} (etc/org.registrehub.numerotation.cfg). */
@ObjectClassDefinition(name = "Registre Hub - numérotation")
public @interface NumerotationConfig {

    @AttributeDefinition(description = "locale : numéros attribués par le hub (compteurs en base) ; nationale :"
            + " numéros obtenus du registre national (fonction registre-synchro-nationale)")
    String mode() default "locale";
}
