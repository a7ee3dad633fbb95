package org.registrehub.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.testing.TestDatabase;

/**
 * Least privilege in PostgreSQL: the schema migrated by its owner role, the store working with an application role
 * that owns nothing — it writes the register and adds to the audit trail, but cannot change, delete or truncate the
 * audit, disable its triggers or drop it, nor rewrite the migration history.
 */
public class MoindrePrivilegeTest {

    private TestDatabase db;
    private TestDatabase.Roles roles;
    private PostgresStore store;

    @Before
    public void ouvrir() {
        db = TestDatabase.create("registre_privilege");
        roles = db.roles();
        store = PostgresStoreTest.ouvert(db.dataSource(roles.application(), roles.motDePasse()), db.jdbcUrl(),
                PostgresStoreTest.config(roles.proprietaire(), roles.motDePasse()), Duration.ofSeconds(60));
    }

    @After
    public void fermer() {
        if (store != null) {
            store.deactivate();
        }
        if (db != null) {
            db.close();
        }
    }

    private String sqlState(String sql) {
        SQLException e = assertThrows(sql, SQLException.class, () -> {
            try (Connection c = db.dataSource(roles.application(), roles.motDePasse()).getConnection();
                 Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
        return e.getSQLState();
    }

    @Test
    public void leRoleApplicatifAjouteALAuditSansPouvoirLeModifier() throws SQLException {
        // the schema belongs to the owner, nothing to the application role
        assertEquals(roles.proprietaire(), db.text("SELECT tableowner FROM pg_tables WHERE tablename = 'audit'"));
        assertEquals(roles.proprietaire(), db.text("SELECT tableowner FROM pg_tables WHERE tablename = 'demande'"));
        assertEquals(0, db.count("SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                + " WHERE r.rolname = '" + roles.application() + "'"));

        // the application role (the store's DataSource user) adds to the audit trail, as the access capability's
        // store does (its AccesMapper.xml)
        try (Connection c = db.dataSource(roles.application(), roles.motDePasse()).getConnection();
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit (horodatage, acteur, organisation, canal, operation, numero_unique,"
                    + " territoire, details) VALUES (now(), 'agent.test', 'MAIRIE', 'REST', 'LECTURE', NULL, '044',"
                    + " 'essai du moindre privilège')");
        }
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE acteur = 'agent.test'"));

        // and can neither change nor remove it, nor get around the append-only triggers (42501: insufficient
        // privilege; only the owner may alter or drop a table)
        assertEquals("42501", sqlState("UPDATE audit SET details = 'effacé' WHERE acteur = 'agent.test'"));
        assertEquals("42501", sqlState("DELETE FROM audit WHERE acteur = 'agent.test'"));
        assertEquals("42501", sqlState("TRUNCATE audit"));
        assertEquals("42501", sqlState("ALTER TABLE audit DISABLE TRIGGER audit_ajout_seulement"));
        assertEquals("42501", sqlState("DROP TABLE audit"));
        assertEquals("42501", sqlState("DELETE FROM flyway_schema_history"));
        assertEquals("42501", sqlState("CREATE TABLE piege (x int)"));
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE acteur = 'agent.test' AND details = "
                + "'essai du moindre privilège'"));
    }

    @Test
    public void uneNouvelleMigrationRedonneLesDroitsSurToutesLesTables() throws Exception {
        // a table added later by the owner (as a new migration would) is covered at the next migrate
        try (Connection c = db.dataSource(roles.proprietaire(), roles.motDePasse()).getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ajout_ulterieur (x int)");
        }
        assertEquals("42501", sqlState("INSERT INTO ajout_ulterieur VALUES (1)"));
        store.migrer();
        try (Connection c = db.dataSource(roles.application(), roles.motDePasse()).getConnection();
             Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO ajout_ulterieur VALUES (1)"));
        }
    }
}
