package org.registrehub.acces.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.registrehub.acces.cfg}. */
@ObjectClassDefinition(name = "Registre Hub - sécurité")
public @interface SecuriteConfig {

    @AttributeDefinition(description = "Coût bcrypt des nouveaux mots de passe (2^coût tours)")
    int bcrypt_cout() default MotsDePasse.COUT_PAR_DEFAUT;

    @AttributeDefinition(description = "Minutes pendant lesquelles un mot de passe vérifié n'est pas revérifié par"
            + " bcrypt (l'état du compte, lui, est relu à chaque requête)")
    int verification_cacheMinutes() default 5;

    @AttributeDefinition(description = "Échecs de connexion de suite pour un identifiant avant son verrouillage")
    int connexion_echecsParIdentifiant() default 5;

    @AttributeDefinition(description = "Échecs de connexion depuis une adresse (REST, SOAP) avant son verrouillage")
    int connexion_echecsParAdresse() default 30;

    @AttributeDefinition(description = "Durée d'un verrouillage, en minutes (relancée par chaque échec pendant)")
    int connexion_verrouMinutes() default 15;

    @AttributeDefinition(description = "Vérifications bcrypt simultanées au plus (les autres attendent ; au-delà de"
            + " 5 s : registre indisponible)")
    int connexion_verificationsSimultanees() default 4;

    @AttributeDefinition(description = "Identifiant de l'administrateur créé au premier démarrage")
    String admin_identifiant() default "admin";

    @AttributeDefinition(description = "Fichier où le premier démarrage écrit le mot de passe de l'administrateur"
            + " (vide : ${karaf.data}/registre/admin.secret)")
    String admin_fichierSecret() default "";

    @AttributeDefinition(description = "Minutes sans requête après lesquelles une session de l'application web des"
            + " agents se ferme")
    int sessionWeb_inactiviteMinutes() default 30;

    @AttributeDefinition(description = "Durée maximale d'une session de l'application web des agents, en heures"
            + " (une journée de travail), même active")
    int sessionWeb_dureeMaxHeures() default 10;
}
