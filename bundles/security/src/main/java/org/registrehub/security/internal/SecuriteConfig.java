package org.registrehub.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.registrehub.security.cfg}. */
@ObjectClassDefinition(name = "Registre Hub - sécurité")
public @interface SecuriteConfig {

    @AttributeDefinition(description = "Coût bcrypt des nouveaux mots de passe (2^coût tours)")
    int bcrypt_cout() default MotsDePasse.COUT_PAR_DEFAUT;

    @AttributeDefinition(description = "Minutes pendant lesquelles un mot de passe vérifié n'est pas revérifié par"
            + " bcrypt (l'état du compte, lui, est relu à chaque requête)")
    int verification_cacheMinutes() default 5;

    @AttributeDefinition(description = "Identifiant de l'administrateur créé au premier démarrage")
    String admin_identifiant() default "admin";

    @AttributeDefinition(description = "Fichier où le premier démarrage écrit le mot de passe de l'administrateur"
            + " (vide : ${karaf.data}/registre/admin.secret)")
    String admin_fichierSecret() default "";
}
