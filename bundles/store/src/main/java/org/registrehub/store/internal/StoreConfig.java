package org.registrehub.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.registrehub.store} (shipped as {@code etc/org.registrehub.store.cfg}). */
@ObjectClassDefinition(name = "Registre Hub - stockage PostgreSQL")
public @interface StoreConfig {

    @AttributeDefinition(description = "Filtre OSGi du DataSource pax-jdbc à utiliser")
    String dataSource_target() default "(osgi.jndi.service.name=registre)";

    @AttributeDefinition(description = "Crée la base de données au démarrage si elle n'existe pas (développement)")
    boolean database_autoCreate() default true;

    @AttributeDefinition(description = "Base de maintenance utilisée pour créer la base (CREATE DATABASE)")
    String database_adminDatabase() default "postgres";

    @AttributeDefinition(description = "Rôle PostgreSQL propriétaire du schéma, avec lequel les migrations s'exécutent"
            + " (vide : par la connexion du hub, dont l'utilisateur doit alors posséder le schéma)")
    String migration_utilisateur() default "";

    @AttributeDefinition(description = "Mot de passe du rôle propriétaire", type =
            org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String migration_motDePasse() default "";

    @AttributeDefinition(description = "Délai maximal entre deux tentatives de connexion quand la base est injoignable (s)")
    int retry_maxDelaySeconds() default 30;

    @AttributeDefinition(description = "Période de vérification de la base quand elle est disponible (s)")
    int health_periodSeconds() default 10;
}
