package org.registrehub.store.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.registrehub.api.Dossier;
import org.registrehub.api.EtatSante;
import org.registrehub.api.Radiation;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.SanteService;
import org.registrehub.api.spi.BaseDeDonnees;
import org.registrehub.api.spi.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared persistence core on PostgreSQL ({@link BaseDeDonnees}): the DataSource is the pax-jdbc one
 * ({@code etc/org.ops4j.datasource-registre.cfg}); migrations run at start and whenever the database comes back; each
 * capability runs its own MyBatis mappers through the sessions it asks for here, with the register's type handlers and
 * error translation (decision 0001).
 */
@Component(service = {SanteService.class, BaseDeDonnees.class},
        configurationPid = "org.registrehub.store", immediate = true,
        property = "composant=" + SurveillanceBase.COMPOSANT)
@Designate(ocd = StoreConfig.class)
public class PostgresStore implements SanteService, SurveillanceBase.Operations, BaseDeDonnees {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    private static final Pattern URL_POSTGRES = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?/]+)(.*)$");
    private static final Pattern NOM_BASE = Pattern.compile("^[A-Za-z0-9_]{1,63}$");
    static final String DATASOURCE_FACTORY_PID = "org.ops4j.datasource";

    private final DataSource dataSource;
    private final JsonCodec json;
    private final Map<String, Object> dataSourceProperties;
    private final BundleContext bundleContext;
    private volatile StoreConfig config;
    private final SurveillanceBase surveillance;

    @Activate
    public PostgresStore(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=registre)")
                         Map.Entry<Map<String, Object>, DataSource> dataSource,
                         @Reference JsonCodec json, BundleContext bundleContext, StoreConfig config) {
        this(dataSource.getValue(), dataSource.getKey(), json, bundleContext, config, Clock.systemUTC());
    }

    public PostgresStore(DataSource dataSource, Map<String, Object> dataSourceProperties, JsonCodec json,
                  BundleContext bundleContext, StoreConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.dataSourceProperties = dataSourceProperties;
        this.bundleContext = bundleContext;
        this.config = config;
        this.surveillance = new SurveillanceBase(this, cible(), Duration.ofSeconds(config.health_periodSeconds()),
                Duration.ofSeconds(config.retry_maxDelaySeconds()), clock);
        this.surveillance.demarrer();
    }

    /**
     * A change of {@code etc/org.registrehub.store.cfg} that keeps the same DataSource applies in place: the store,
     * which every capability uses, is not restarted (a restart would withdraw every service of the hub at once).
     * A change of {@code dataSource.target} rebinds the DataSource and restarts it, as it must.
     */
    @Modified
    void modifier(StoreConfig config) {
        this.config = config;
        surveillance.regler(Duration.ofSeconds(config.health_periodSeconds()),
                Duration.ofSeconds(config.retry_maxDelaySeconds()));
        LOG.info("Configuration du stockage appliquée : santé toutes les {} s, reprise jusqu'à {} s, création de la"
                + " base {}", config.health_periodSeconds(), config.retry_maxDelaySeconds(),
                config.database_autoCreate() ? "permise" : "interdite");
    }

    @Deactivate
    public void deactivate() {
        surveillance.arreter();
    }

    /**
     * A session factory for these mappers over the DataSource, with the register's type handlers. MyBatis reads each
     * mapper's XML with the mapper's class loader and resolves the type names of the XML through the context class
     * loader: {@code chargeur}'s meanwhile (the capability's bundle).
     */
    private static SqlSessionFactory construireSessions(DataSource dataSource, JsonCodec json, ClassLoader chargeur,
                                                        List<Class<?>> mappers) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(chargeur);
        try {
            Configuration configuration = new Configuration(
                    new Environment("registre", new JdbcTransactionFactory(), dataSource));
            configuration.setCacheEnabled(false);
            configuration.setLocalCacheScope(org.apache.ibatis.session.LocalCacheScope.STATEMENT);
            configuration.setDefaultStatementTimeout(30);
            configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
            configuration.getTypeHandlerRegistry().register(Dossier.class, new JsonTypeHandler<>(json, Dossier.class));
            configuration.getTypeHandlerRegistry().register(Radiation.class,
                    new JsonTypeHandler<>(json, Radiation.class));
            mappers.forEach(configuration::addMapper);
            return new SqlSessionFactoryBuilder().build(configuration);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    // ------------------------------------------------------------------ BaseDeDonnees

    @Override
    public Sessions sessions(Class<?>... mappers) {
        if (mappers.length == 0) {
            throw new IllegalArgumentException("au moins un mapper");
        }
        ClassLoader chargeur = mappers[0].getClassLoader();
        SqlSessionFactory fabrique = construireSessions(dataSource, json, chargeur, List.of(mappers));
        return new Sessions() {
            @Override
            public <M, T> T executer(String operation, Class<M> mapper, Function<M, T> travail) {
                return PostgresStore.this.executer(operation, fabrique, chargeur, ExecutorType.SIMPLE,
                        session -> travail.apply(session.getMapper(mapper)));
            }

            @Override
            public <T> T executerParLots(String operation, Function<Mappers, T> travail) {
                return PostgresStore.this.executer(operation, fabrique, chargeur, ExecutorType.BATCH,
                        session -> travail.apply(session::getMapper));
            }
        };
    }

    private String cible() {
        Object url = dataSourceProperties.get("url");
        Object name = dataSourceProperties.get("osgi.jndi.service.name");
        return url != null ? url.toString() : "DataSource " + name;
    }

    // ------------------------------------------------------------------ SanteService

    @Override
    public EtatSante etat() {
        return surveillance.etat();
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Runs {@code work} in one transaction on a session of a capability's factory, committed if it returns, rolled
     * back if it throws; with {@link ExecutorType#BATCH}, the inserts and updates are sent in JDBC batches (a query
     * first sends what is pending) and at the latest at the commit. MyBatis resolves some names while it builds dynamic
     * SQL: the capability's bundle's class loader is the thread's context class loader meanwhile. SQL failures become
     * the register's errors.
     */
    private <T> T executer(String operation, SqlSessionFactory fabrique, ClassLoader chargeur, ExecutorType type,
                           Function<SqlSession, T> work) {
        if (!surveillance.schemaPret()) {
            throw new RegistreIndisponibleException("Le registre n'est pas prêt : " + surveillance.etat().message()
                    + ". Réessayez dans quelques instants.", null);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(chargeur);
        try (SqlSession session = fabrique.openSession(type, false)) {
            T result = work.apply(session);
            session.commit(true);
            return result;
        } catch (PersistenceException e) {
            if (Indisponibilite.estIndisponibilite(e)) {
                surveillance.signalerEchec(e, Indisponibilite.aEtat(e, Indisponibilite.TABLE_ABSENTE));
                throw new RegistreIndisponibleException("La base de données du registre est injoignable ("
                        + Indisponibilite.cause(e) + "). Rien n'a été enregistré ; réessayez plus tard.", e);
            }
            if (Indisponibilite.aEtat(e, "23505") && Indisponibilite.cause(e).contains("demande_numero_unique_uk")) {
                // a number already used here: only a numbering outside the hub (national) can hand one out
                LOG.error("Numéro déjà attribué pendant {} : {}", operation, Indisponibilite.cause(e));
                throw new RegistreException("EXISTE_DEJA", "Le numéro unique attribué est déjà celui d'une autre"
                        + " demande du registre (" + operation + ") ; rien n'a été enregistré. Si la numérotation est"
                        + " nationale, le registre national ne connaissait pas encore ce numéro local : transmettez"
                        + " les événements en attente (registre:synchro-lancer envoi) puis réessayez.", e);
            }
            LOG.error("Échec SQL pendant {} : {}", operation, Indisponibilite.cause(e), e);
            throw new RegistreException("ERREUR_INTERNE", "Erreur interne du registre pendant " + operation
                    + " ; rien n'a été enregistré.", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    // ------------------------------------------------------------------ SurveillanceBase.Operations

    /**
     * Migrates the schema. With {@code migration.utilisateur}, over a connection of that owner role, then the hub's
     * own role (the DataSource's user, which owns nothing) gets its rights from the {@code afterMigrate} callback:
     * reading and writing the register's tables, only SELECT and INSERT on the audit trail. Without it, over the
     * hub's own connection (a development database whose user owns the schema).
     */
    @Override
    public String migrer() throws java.sql.SQLException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PostgresStore.class.getClassLoader());
        ServiceReference<DataSourceFactory> pilote = null;
        try {
            var configuration = Flyway.configure(PostgresStore.class.getClassLoader())
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true);
            String proprietaire = config.migration_utilisateur() == null ? "" : config.migration_utilisateur().strip();
            String application = "";
            if (proprietaire.isEmpty()) {
                configuration.dataSource(dataSource);
            } else {
                String url;
                try (Connection c = dataSource.getConnection()) {
                    url = c.getMetaData().getURL();
                    application = c.getMetaData().getUserName();
                }
                String motDePasse = config.migration_motDePasse() == null ? "" : config.migration_motDePasse();
                if (bundleContext == null) {
                    // outside the framework (tests): the driver is on the class path
                    configuration.dataSource(url, proprietaire, motDePasse);
                } else {
                    pilote = bundleContext.getServiceReferences(DataSourceFactory.class, "("
                            + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.postgresql.Driver)").stream()
                            .findFirst().orElseThrow(() -> new java.sql.SQLException("pilote PostgreSQL absent"));
                    Properties p = new Properties();
                    p.setProperty(DataSourceFactory.JDBC_URL, url);
                    p.setProperty(DataSourceFactory.JDBC_USER, proprietaire);
                    p.setProperty(DataSourceFactory.JDBC_PASSWORD, motDePasse);
                    configuration.dataSource(bundleContext.getService(pilote).createDataSource(p));
                }
            }
            Flyway flyway = configuration.placeholders(Map.of("roleApplication", application)).load();
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrations appliquées : {} (schéma version {})", result.migrationsExecuted,
                        result.targetSchemaVersion);
            }
            if (!proprietaire.isEmpty()) {
                LOG.info("Schéma migré par son propriétaire « {} » ; le hub travaille avec le rôle « {} » (lecture et "
                        + "écriture du registre, audit en ajout seul)", proprietaire, application);
            }
            MigrationInfo current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            if (pilote != null) {
                bundleContext.ungetService(pilote);
            }
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void verifier() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(5)) {
                throw new java.sql.SQLTransientConnectionException("la connexion ne répond pas", "08006");
            }
        }
    }

    @Override
    public boolean creerBase(Exception cause) {
        if (!config.database_autoCreate()) {
            LOG.warn("La base {} n'existe pas et database.autoCreate=false : créez-la (CREATE DATABASE) "
                    + "ou corrigez l'URL dans etc/org.ops4j.datasource-registre.cfg", cible());
            return false;
        }
        try {
            Dictionary<String, Object> ds = configurationDataSource();
            if (ds == null) {
                LOG.warn("Création automatique impossible : configuration pax-jdbc de {} introuvable", cible());
                return false;
            }
            String url = String.valueOf(ds.get("url"));
            Matcher m = URL_POSTGRES.matcher(url);
            if (!m.matches() || !NOM_BASE.matcher(m.group(2)).matches()) {
                LOG.warn("Création automatique impossible : URL non reconnue {}", url);
                return false;
            }
            String base = m.group(2);
            String urlAdmin = m.group(1) + config.database_adminDatabase() + m.group(3);
            Properties props = new Properties();
            if (ds.get("user") != null) {
                props.setProperty("user", ds.get("user").toString());
            }
            if (ds.get("password") != null) {
                props.setProperty("password", ds.get("password").toString());
            }
            Collection<ServiceReference<DataSourceFactory>> refs = bundleContext.getServiceReferences(
                    DataSourceFactory.class, "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.postgresql.Driver)");
            if (refs.isEmpty()) {
                LOG.warn("Création automatique impossible : pilote PostgreSQL absent");
                return false;
            }
            ServiceReference<DataSourceFactory> ref = refs.iterator().next();
            DataSourceFactory factory = bundleContext.getService(ref);
            try {
                Driver driver = factory.createDriver(null);
                try (Connection c = driver.connect(urlAdmin, props); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + base + "\"");
                }
            } finally {
                bundleContext.ungetService(ref);
            }
            LOG.info("Base de données « {} » créée (database.autoCreate=true) ; en production, créez-la vous-même "
                    + "et mettez database.autoCreate=false dans etc/org.registrehub.store.cfg", base);
            return true;
        } catch (Exception e) {
            if (Indisponibilite.sqlState(e).filter("42P04"::equals).isPresent()) {
                return true; // created meanwhile by another node
            }
            LOG.warn("Création automatique de la base impossible : {}", Indisponibilite.cause(e));
            return false;
        }
    }

    private Dictionary<String, Object> configurationDataSource() throws Exception {
        ServiceReference<ConfigurationAdmin> ref = bundleContext.getServiceReference(ConfigurationAdmin.class);
        if (ref == null) {
            return null;
        }
        ConfigurationAdmin admin = bundleContext.getService(ref);
        try {
            Object jndi = dataSourceProperties.get("osgi.jndi.service.name");
            var configurations = admin.listConfigurations("(service.factoryPid=" + DATASOURCE_FACTORY_PID + ")");
            if (configurations == null) {
                return null;
            }
            for (var c : configurations) {
                Dictionary<String, Object> p = c.getProperties();
                if (p != null && (String.valueOf(jndi).equals(String.valueOf(p.get("dataSourceName")))
                        || String.valueOf(jndi).equals(String.valueOf(p.get("osgi.jndi.service.name"))))) {
                    return p;
                }
            }
            return null;
        } finally {
            bundleContext.ungetService(ref);
        }
    }
}
