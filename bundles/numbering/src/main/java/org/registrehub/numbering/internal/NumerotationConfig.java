package org.registrehub.numbering.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.registrehub.numbering} (etc/org.registrehub.numbering.cfg). */
@ObjectClassDefinition(name = "Registre Hub - numérotation")
public @interface NumerotationConfig {

    @AttributeDefinition(description = "locale : numéros attribués par le hub (compteurs en base) ; nationale :"
            + " numéros obtenus du registre national (fonction registre-national-sync)")
    String mode() default "locale";
}
