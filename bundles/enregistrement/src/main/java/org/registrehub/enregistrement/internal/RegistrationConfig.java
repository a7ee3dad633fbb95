package org.registrehub.enregistrement.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.registrehub.enregistrement}. */
@ObjectClassDefinition(name = "Registre Hub - enregistrement des demandes")
public @interface RegistrationConfig {

    @AttributeDefinition(description = "Fuseau horaire qui fixe la date de dépôt (et donc le mois du numéro unique)")
    String fuseau() default "Europe/Paris";

    @AttributeDefinition(description = "Durée de validité d'une demande, à compter du dépôt ou du dernier renouvellement (mois)")
    int validite_mois() default 12;

}
