package org.registrehub.portail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.registrehub.portail.cfg}. */
@ObjectClassDefinition(name = "Registre Hub - portail du demandeur")
public @interface PortailConfig {

    String PID = "org.registrehub.portail";

    @AttributeDefinition(description = "Adresse publique du portail, début des liens envoyés par courriel"
            + " (ex. https://demande-logement.example.fr/portail)")
    String lien_base() default "https://localhost:8443/portail";

    @AttributeDefinition(description = "Jours de validité du lien de confirmation d'un compte")
    int lien_dureeJours() default 1;

    @AttributeDefinition(description = "Minutes de validité d'un code de connexion envoyé par courriel")
    int code_dureeMinutes() default 15;

    @AttributeDefinition(description = "Minutes d'inactivité après lesquelles une session se ferme")
    int session_inactiviteMinutes() default 30;

    @AttributeDefinition(description = "Coût bcrypt des mots de passe des demandeurs (2^coût tours)")
    int bcrypt_cout() default 12;

    @AttributeDefinition(description = "Tentatives (échecs de connexion, codes et liens demandés) permises par"
            + " adresse électronique, numéro ou compte pendant la fenêtre")
    int tentatives_max() default 5;

    @AttributeDefinition(description = "Tentatives permises depuis une même adresse IP pendant la fenêtre")
    int tentatives_maxParAdresse() default 50;

    @AttributeDefinition(description = "Fenêtre de comptage des tentatives, en minutes")
    int tentatives_fenetreMinutes() default 15;

    @AttributeDefinition(description = "Code du guichet du portail, sous lequel les demandes déposées en ligne sont"
            + " enregistrées")
    String guichet() default "GDPUB";

    @AttributeDefinition(description = "Taille maximale d'un brouillon de demande, en octets")
    int brouillon_tailleMaxOctets() default 65536;

    @AttributeDefinition(description = "Fuseau horaire des dates écrites au demandeur")
    String zone() default "Europe/Paris";
}
