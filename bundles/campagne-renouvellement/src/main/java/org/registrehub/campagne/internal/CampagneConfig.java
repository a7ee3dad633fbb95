package org.registrehub.campagne.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.registrehub.campagne} (shipped as {@code etc/org.registrehub.campagne.cfg}): the
 * engine's settings. The route bundle reads the keys of its timer ({@code campagne.verificationSecondes},
 * {@code campagne.delaiDemarrageSecondes}) from the same PID: one capability, one configuration.
 */
@ObjectClassDefinition(name = "Registre Hub - campagne de renouvellement")
public @interface CampagneConfig {

    String PID = "org.registrehub.campagne";

    @AttributeDefinition(description = "Heure à partir de laquelle la campagne du jour démarre (HH:MM)")
    String campagne_heure() default "06:00";

    @AttributeDefinition(description = "Fuseau de l'heure de la campagne et des dates des avis")
    String campagne_zone() default "Europe/Paris";

    @AttributeDefinition(description = "Demandes lues et avisées par page (le bail est prolongé après chacune)")
    int campagne_lot() default 500;

    @AttributeDefinition(description = "Durée du bail d'un nœud sur la campagne du jour sans nouvelles (s)")
    long campagne_bailSecondes() default 300;

    @AttributeDefinition(description = "Intervalle des lignes de progression (s)")
    long campagne_progressionSecondes() default 5;

    @AttributeDefinition(description = "Dossier des lots de lettres PDF (vide : <karaf.data>/registre/courriers)")
    String lettres_repertoire() default "";

    @AttributeDefinition(description = "Affranchissement d'une lettre (euros)")
    String tarif_lettre() default "0.40";

    @AttributeDefinition(description = "Affranchissement d'un recommandé (euros)")
    String tarif_recommande() default "0.40";

    @AttributeDefinition(description = "Adresse de la page de renouvellement, le jeton est ajouté (?jeton=)")
    String lien_base() default "https://localhost:8443/portail/renouvellement";

    @AttributeDefinition(description = "Durée de validité d'un lien de renouvellement (jours)")
    long lien_dureeJours() default 30;

    @AttributeDefinition(description = "Serveur SMTP (vide : avis par courrier seulement)")
    String smtp_hote() default "";

    @AttributeDefinition(description = "Port du serveur SMTP")
    int smtp_port() default 25;

    @AttributeDefinition(description = "Utilisateur SMTP (vide : sans authentification)")
    String smtp_utilisateur() default "";

    @AttributeDefinition(description = "Mot de passe SMTP", type = AttributeType.PASSWORD)
    String smtp_motDePasse() default "";

    @AttributeDefinition(description = "STARTTLS exigé (le certificat du serveur est vérifié)")
    boolean smtp_starttls() default true;

    @AttributeDefinition(description = "Adresse d'expédition des avis")
    String smtp_expediteur() default "ne-pas-repondre@registre.invalid";

    @AttributeDefinition(description = "Délai maximal d'une connexion ou d'un envoi SMTP (secondes)")
    int smtp_delaiSecondes() default 10;

    @AttributeDefinition(description = "Connexions SMTP ouvertes en même temps par la campagne (1 à 32)")
    int smtp_connexions() default 4;

    @AttributeDefinition(description = "Courriels dont les liens sont enregistrés ensemble avant l'envoi, puis marqués"
            + " envoyés ensemble ; après un arrêt brutal, au plus deux groupes d'avis restent incertains (jamais renvoyés)")
    int smtp_groupe() default 40;
}
