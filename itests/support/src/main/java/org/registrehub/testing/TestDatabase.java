package org.registrehub.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

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

    private TestDatabase(String name) {
        this.host = env("REGISTRE_DB_HOST", "127.0.0.1");
        this.port = Integer.parseInt(env("REGISTRE_DB_PORT", "5432"));
        this.user = env("REGISTRE_DB_USER", "postgres");
        this.password = env("REGISTRE_DB_PASSWORD", "");
        this.adminDatabase = env("REGISTRE_DB_ADMIN_DATABASE", "postgres");
        this.name = name;
    }

    /** Creates a new empty database named {@code <prefix>_<timestamp>_<random>}. */
    public static TestDatabase create(String prefix) {
        String name = (prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF))).toLowerCase();
        TestDatabase db = new TestDatabase(name);
        db.admin("CREATE DATABASE \"" + name + "\"");
        return db;
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
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
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

    private void admin(String sql) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + adminDatabase;
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL de test injoignable ou refus (" + url + ", utilisateur "
                    + user + ") : " + e.getMessage() + " — réglez REGISTRE_DB_HOST/PORT/USER/PASSWORD", e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }
}
