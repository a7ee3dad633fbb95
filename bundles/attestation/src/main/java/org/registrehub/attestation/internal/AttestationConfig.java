package org.registrehub.attestation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.registrehub.attestation}. */
@ObjectClassDefinition(name = "Registre Hub - attestation d'enregistrement")
public @interface AttestationConfig {

    @AttributeDefinition(description = "Organisme qui délivre l'attestation (en-tête du document)")
    String emetteur() default "Registre de la demande de logement social";

    @AttributeDefinition(description = "Fuseau horaire de la date d'émission")
    String fuseau() default "Europe/Paris";

    @AttributeDefinition(description = "Avis au demandeur (attestation à l'enregistrement, radiation) envoyés par"
            + " transaction")
    int avis_lot() default 200;

    @AttributeDefinition(description = "Dossier des lots de courriers des avis (demandes sans adresse électronique)")
    String avis_dossierCourriers() default "";
}
