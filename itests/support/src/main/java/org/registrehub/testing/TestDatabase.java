package org.registrehub.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL database for one test run: created on {@link #create(String)}, dropped on {@link #close()}.
 * The server is the one of the {@code REGISTRE_DB_HOST}, {@code REGISTRE_DB_PORT}, {@code REGISTRE_DB_USER},
 * {@code REGISTRE_DB_PASSWORD} environment variables (default {@code 127.0.0.1:5432}, user {@code postgres}); the
 * database is created from the maintenance database {@code REGISTRE_DB_ADMIN_DATABASE} (default {@code postgres}).
 */
public final class TestDatabase implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final String name;
    private final boolean kept;
    private Roles roles;

    private TestDatabase(String name, boolean kept) {
        this.host = env("REGISTRE_DB_HOST", "127.0.0.1");
        this.port = Integer.parseInt(env("REGISTRE_DB_PORT", "5432"));
        this.user = env("REGISTRE_DB_USER", "postgres");
        this.password = env("REGISTRE_DB_PASSWORD", "");
        this.adminDatabase = env("REGISTRE_DB_ADMIN_DATABASE", "postgres");
        this.name = name;
        this.kept = kept;
    }

    /**
     * Creates a new empty database named {@code <prefix>_<timestamp>_<random>}. Databases of the same prefix left
     * behind by runs that were killed before they could drop them (older than {@link #ABANDON}) are dropped first.
     */
    public static TestDatabase create(String prefix) {
        TestDatabase db = createDurable(prefix);
        // a throw-away database needs no flush to disk at each commit: a commit is still atomic and visible at once,
        // and a hub killed under a test loses nothing (only a crash of the PostgreSQL server itself would)
        db.admin("ALTER DATABASE \"" + db.name + "\" SET synchronous_commit = off");
        return db;
    }

    /**
     * The same, with the server's durability left as it is (each commit flushed to disk): for benchmarks, which
     * measure what a deployment pays.
     */
    public static TestDatabase createDurable(String prefix) {
        LocalDateTime now = LocalDateTime.now();
        String name = (prefix + "_" + now.format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF))).toLowerCase();
        TestDatabase db = new TestDatabase(name, false);
        db.purgerAbandonnees(prefix.toLowerCase(), now.minus(ABANDON));
        db.admin("CREATE DATABASE \"" + name + "\"");
        return db;
    }

    /**
     * A database that outlives the run: created if absent, never dropped by {@link #close()} (for benchmarks that
     * reuse a large data set between runs). Its name must not look like a throw-away database.
     */
    public static TestDatabase kept(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}") || name.matches(".*_[0-9]{14}_[0-9a-f]{4}")) {
            throw new IllegalArgumentException("database name " + name + ": lower-case letters, digits and _"
                    + " expected, without the _<timestamp>_<hex> suffix of throw-away databases");
        }
        TestDatabase db = new TestDatabase(name, true);
        if (db.admin("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").isEmpty()) {
            db.admin("CREATE DATABASE \"" + name + "\"");
        }
        return db;
    }

    /** A test database older than this is considered abandoned by a killed run. */
    public static final Duration ABANDON = Duration.ofHours(2);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private void purgerAbandonnees(String prefix, LocalDateTime avant) {
        Pattern pattern = Pattern.compile("^" + Pattern.quote(prefix) + "_([0-9]{14})_[0-9a-f]{4}$");
        for (String existante : admin("SELECT datname FROM pg_database")) {
            Matcher m = pattern.matcher(existante);
            if (m.matches() && LocalDateTime.parse(m.group(1), STAMP).isBefore(avant)) {
                admin("DROP DATABASE IF EXISTS \"" + existante + "\" WITH (FORCE)");
            }
        }
        Pattern role = Pattern.compile("^" + Pattern.quote(prefix) + "_([0-9]{14})_[0-9a-f]{4}_(proprietaire|application)$");
        for (String existant : admin("SELECT rolname FROM pg_roles ORDER BY rolname DESC")) {
            Matcher m = role.matcher(existant);
            if (m.matches() && LocalDateTime.parse(m.group(1), STAMP).isBefore(avant)) {
                try {
                    admin("DROP ROLE IF EXISTS \"" + existant + "\"");
                } catch (IllegalStateException e) {
                    // still owning a database another run keeps: left for later
                }
            }
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public DataSource dataSource() {
        return dataSource(user, password);
    }

    /** A DataSource on this database for that role. */
    public DataSource dataSource(String role, String motDePasse) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(role);
        ds.setPassword(motDePasse);
        return ds;
    }

    /**
     * The two roles of a least-privilege setup, made for this database (roles are cluster-wide: their names carry the
     * database's, and {@link #close()} drops them with it): the owner of the database and of the schema, who runs the
     * migrations, and the application role, which owns nothing. Both log in with one password drawn for the run.
     */
    public record Roles(String proprietaire, String application, String motDePasse) {
    }

    public synchronized Roles roles() {
        if (roles == null) {
            String motDePasse = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Roles r = new Roles(name + "_proprietaire", name + "_application", motDePasse);
            for (String role : List.of(r.proprietaire(), r.application())) {
                admin("CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + motDePasse + "'");
            }
            admin("ALTER DATABASE \"" + name + "\" OWNER TO \"" + r.proprietaire() + "\"");
            roles = r;
        }
        return roles;
    }

    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Runs a query that returns one number, e.g. {@code select count(*) from demande}. */
    public long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("requête impossible : " + sql, e);
        }
    }

    /** Runs a statement that returns no rows (INSERT, UPDATE, DELETE); returns the number of rows it changed. */
    public int execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("instruction impossible : " + sql, e);
        }
    }

    /** The first column of the first row of a query, as text (null for SQL NULL). */
    public String text(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("requête impossible : " + sql, e);
        }
    }

    /** The first column of every row of a query, as text, in the query's order. */
    public List<String> texts(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            List<String> l = new java.util.ArrayList<>();
            while (rs.next()) {
                l.add(rs.getString(1));
            }
            return l;
        } catch (SQLException e) {
            throw new IllegalStateException("requête impossible : " + sql, e);
        }
    }

    /** Runs a statement on the maintenance database; returns the first column of its rows, if any. */
    private List<String> admin(String sql) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + adminDatabase;
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL de test injoignable ou refus (" + url + ", utilisateur "
                    + user + ") : " + e.getMessage() + " — réglez REGISTRE_DB_HOST/PORT/USER/PASSWORD", e);
        }
    }

    /**
     * Drops the database. New connections are refused first, so that a client still running (a hub being stopped,
     * whose pool reconnects) cannot come back between the termination of its connections and the drop.
     */
    @Override
    public void close() {
        if (kept) {
            return;
        }
        Awaitility.await("DROP DATABASE " + name).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    if (!admin("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").isEmpty()) {
                        admin("ALTER DATABASE \"" + name + "\" WITH ALLOW_CONNECTIONS false");
                        admin("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                    }
                    if (roles != null) {
                        admin("DROP ROLE IF EXISTS \"" + roles.application() + "\"");
                        admin("DROP ROLE IF EXISTS \"" + roles.proprietaire() + "\"");
                    }
                    return true;
                });
    }
}
