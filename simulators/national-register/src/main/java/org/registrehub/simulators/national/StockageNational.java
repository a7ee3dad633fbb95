package org.registrehub.simulators.national;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The simulator's own storage: the national view of the demands, the movements it received (in the order received),
 * its numbering counters, and what other systems did (radiations, duplicates, DALO recourses). Plain JDBC on a
 * PostgreSQL database of its own, schema {@code national}, created at start if missing.
 */
public final class StockageNational {

    /** A national demand as stored. {@code version} is null while the number is only reserved. */
    public record Ligne(String numeroUnique, String statut, Long version, String territoire, String guichet,
                        LocalDate dateDepot, LocalDate dateValidite, String nom, String prenoms,
                        LocalDate dateNaissance, String nir, String motifRadiation, LocalDate dateRadiation,
                        String origine) {
    }

    /** A movement as received: which event, which demand and version, from whom, in which order. */
    public record Recu(long ordre, String evenementId, String type, String numeroUnique, long version, String origine) {
    }

    /** Something another system did, listed by the pulls: radiation, duplicate or DALO recourse. */
    public record Fait(long id, String nature, String numeroUnique, String valeur, String detail, LocalDate date,
                       String origine, Instant horodatage, Bail bail, String motifIrrecevabilite) {
    }

    /** The lease of a radiation for attribution. */
    public record Bail(String bailleur, String identifiantRpls, String reservataire, boolean dalo) {
    }

    private final DataSource dataSource;

    public StockageNational(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void creerSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS national");
            s.execute("CREATE TABLE IF NOT EXISTS national.demande (numero_unique VARCHAR(18) PRIMARY KEY,"
                    + " statut VARCHAR(10), version BIGINT, territoire VARCHAR(3) NOT NULL, guichet VARCHAR(5) NOT NULL,"
                    + " date_depot DATE NOT NULL, date_validite DATE, nom TEXT NOT NULL, prenoms TEXT NOT NULL,"
                    + " date_naissance DATE NOT NULL, nir VARCHAR(15), motif_radiation VARCHAR(30), date_radiation DATE,"
                    + " origine TEXT, maj_le TIMESTAMPTZ NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE IF NOT EXISTS national.compteur (territoire VARCHAR(3), mois_annee VARCHAR(4),"
                    + " valeur BIGINT NOT NULL, PRIMARY KEY (territoire, mois_annee))");
            s.execute("CREATE TABLE IF NOT EXISTS national.mouvement (ordre BIGSERIAL PRIMARY KEY,"
                    + " evenement_id VARCHAR(64) NOT NULL UNIQUE, type VARCHAR(20) NOT NULL,"
                    + " numero_unique VARCHAR(18) NOT NULL, version BIGINT NOT NULL, origine TEXT NOT NULL,"
                    + " recu_le TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
            s.execute("CREATE TABLE IF NOT EXISTS national.fait (id BIGSERIAL PRIMARY KEY,"
                    + " nature VARCHAR(10) NOT NULL CHECK (nature IN ('RADIATION', 'DOUBLON', 'DALO')),"
                    + " numero_unique VARCHAR(18) NOT NULL, territoire VARCHAR(3) NOT NULL, valeur TEXT,"
                    + " detail TEXT, date_fait DATE NOT NULL, origine TEXT NOT NULL, bailleur TEXT, rpls TEXT,"
                    + " reservataire TEXT, dalo BOOLEAN, motif_irrecevabilite TEXT,"
                    + " horodatage TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        }
    }

    /** Next sequence number of a territory and month, never below a number already known there. */
    public long suivant(String territoire, String moisAnnee) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO national.compteur VALUES (?, ?, 1) ON CONFLICT (territoire, mois_annee)"
                        + " DO UPDATE SET valeur = national.compteur.valeur + 1 RETURNING valeur")) {
            p.setString(1, territoire);
            p.setString(2, moisAnnee);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A number handed out by obtenirNumero: known nationally, no movement yet. */
    public void reserver(Ligne l) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO national.demande (numero_unique, territoire, guichet, date_depot, nom, prenoms,"
                        + " date_naissance, nir, origine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, l.numeroUnique());
            p.setString(2, l.territoire());
            p.setString(3, l.guichet());
            p.setDate(4, Date.valueOf(l.dateDepot()));
            p.setString(5, l.nom());
            p.setString(6, l.prenoms());
            p.setDate(7, Date.valueOf(l.dateNaissance()));
            p.setString(8, l.nir());
            p.setString(9, l.origine());
            p.executeUpdate();
        }
    }

    /** Outcome of a movement. */
    public enum Issue { ACCEPTE, DEJA_RECU, INCONNUE, ORDRE }

    /**
     * Applies a movement in one transaction: recorded once by its event id (a second delivery changes nothing), refused
     * for an unknown demand (other than a registration) or a version not above the one known.
     */
    public Issue appliquer(String evenementId, String type, Ligne l, String origine) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Issue issue = appliquer(c, evenementId, type, l, origine);
                if (issue == Issue.ACCEPTE) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return issue;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Issue appliquer(Connection c, String evenementId, String type, Ligne l, String origine)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO national.mouvement (evenement_id, type,"
                + " numero_unique, version, origine) VALUES (?, ?, ?, ?, ?) ON CONFLICT (evenement_id) DO NOTHING")) {
            p.setString(1, evenementId);
            p.setString(2, type);
            p.setString(3, l.numeroUnique());
            p.setLong(4, l.version());
            p.setString(5, origine);
            if (p.executeUpdate() == 0) {
                return Issue.DEJA_RECU;
            }
        }
        Optional<Ligne> connue = lire(c, l.numeroUnique(), true);
        if (connue.isEmpty() && !"ENREGISTREMENT".equals(type)) {
            return Issue.INCONNUE;
        }
        if (connue.isPresent() && connue.get().version() != null && l.version() <= connue.get().version()) {
            return Issue.ORDRE;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO national.demande (numero_unique, statut, version,"
                + " territoire, guichet, date_depot, date_validite, nom, prenoms, date_naissance, nir, motif_radiation,"
                + " date_radiation, origine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (numero_unique) DO UPDATE SET statut = EXCLUDED.statut, version = EXCLUDED.version,"
                + " date_validite = EXCLUDED.date_validite, nom = EXCLUDED.nom, prenoms = EXCLUDED.prenoms,"
                + " date_naissance = EXCLUDED.date_naissance, nir = EXCLUDED.nir,"
                + " motif_radiation = EXCLUDED.motif_radiation, date_radiation = EXCLUDED.date_radiation,"
                + " origine = EXCLUDED.origine, maj_le = now()")) {
            p.setString(1, l.numeroUnique());
            p.setString(2, l.statut());
            p.setLong(3, l.version());
            p.setString(4, l.territoire());
            p.setString(5, l.guichet());
            p.setDate(6, Date.valueOf(l.dateDepot()));
            p.setDate(7, l.dateValidite() == null ? null : Date.valueOf(l.dateValidite()));
            p.setString(8, l.nom());
            p.setString(9, l.prenoms());
            p.setDate(10, Date.valueOf(l.dateNaissance()));
            p.setString(11, l.nir());
            p.setString(12, l.motifRadiation());
            p.setDate(13, l.dateRadiation() == null ? null : Date.valueOf(l.dateRadiation()));
            p.setString(14, origine);
            p.executeUpdate();
        }
        // a number allocated by another system: the national sequence never hands it out again
        String numero = l.numeroUnique();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO national.compteur VALUES (?, ?, ?)"
                + " ON CONFLICT (territoire, mois_annee) DO UPDATE"
                + " SET valeur = GREATEST(national.compteur.valeur, EXCLUDED.valeur)")) {
            p.setString(1, numero.substring(0, 3));
            p.setString(2, numero.substring(3, 7));
            p.setLong(3, Long.parseLong(numero.substring(7, 13)));
            p.executeUpdate();
        }
        return Issue.ACCEPTE;
    }

    public Optional<Ligne> lire(String numero) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return lire(c, numero, false);
        }
    }

    private static Optional<Ligne> lire(Connection c, String numero, boolean verrouiller) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM national.demande WHERE numero_unique = ?"
                + (verrouiller ? " FOR UPDATE" : ""))) {
            p.setString(1, numero);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(ligne(r)) : Optional.empty();
            }
        }
    }

    private static Ligne ligne(ResultSet r) throws SQLException {
        long version = r.getLong("version");
        return new Ligne(r.getString("numero_unique"), r.getString("statut"), r.wasNull() ? null : version,
                r.getString("territoire"), r.getString("guichet"), date(r, "date_depot"), date(r, "date_validite"),
                r.getString("nom"), r.getString("prenoms"), date(r, "date_naissance"), r.getString("nir"),
                r.getString("motif_radiation"), date(r, "date_radiation"), r.getString("origine"));
    }

    private static LocalDate date(ResultSet r, String colonne) throws SQLException {
        Date d = r.getDate(colonne);
        return d == null ? null : d.toLocalDate();
    }

    /** The demands of a territory that had a movement, by number, after {@code apres} (excluded). */
    public List<Ligne> etats(String territoire, String apres, int max) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT * FROM national.demande WHERE territoire = ? AND version IS NOT NULL AND numero_unique > ?"
                        + " ORDER BY numero_unique LIMIT ?")) {
            p.setString(1, territoire);
            p.setString(2, apres == null ? "" : apres);
            p.setInt(3, max);
            List<Ligne> lignes = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    lignes.add(ligne(r));
                }
            }
            return lignes;
        }
    }

    /**
     * Another system radiated a demand: the national demand becomes RADIEE (version + 1) and the radiation is listed
     * for the territory's other systems.
     */
    public void radier(String numero, String motif, LocalDate date, String origine, String commentaire, Bail bail,
                       String motifIrrecevabilite) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("UPDATE national.demande SET statut = 'RADIEE',"
                    + " version = COALESCE(version, 0) + 1, motif_radiation = ?, date_radiation = ?, origine = ?,"
                    + " maj_le = now() WHERE numero_unique = ?")) {
                p.setString(1, motif);
                p.setDate(2, Date.valueOf(date));
                p.setString(3, origine);
                p.setString(4, numero);
                if (p.executeUpdate() == 0) {
                    throw new IllegalArgumentException("demande inconnue du registre national : " + numero);
                }
            }
            inserer(c, "RADIATION", numero, motif, commentaire, date, origine, bail, motifIrrecevabilite);
            c.commit();
        }
    }

    /** A fact of another system (duplicate, DALO recourse, radiation) listed by the pulls. */
    public void fait(String nature, String numero, String valeur, String detail, LocalDate date, String origine)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            inserer(c, nature, numero, valeur, detail, date, origine, null, null);
        }
    }

    private static void inserer(Connection c, String nature, String numero, String valeur, String detail,
                                LocalDate date, String origine, Bail bail, String motifIrrecevabilite)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO national.fait (nature, numero_unique, territoire,"
                + " valeur, detail, date_fait, origine, bailleur, rpls, reservataire, dalo, motif_irrecevabilite)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, nature);
            p.setString(2, numero);
            p.setString(3, numero.substring(0, 3));
            p.setString(4, valeur);
            p.setString(5, detail);
            p.setDate(6, Date.valueOf(date));
            p.setString(7, origine);
            p.setString(8, bail == null ? null : bail.bailleur());
            p.setString(9, bail == null ? null : bail.identifiantRpls());
            p.setString(10, bail == null ? null : bail.reservataire());
            p.setObject(11, bail == null ? null : bail.dalo());
            p.setString(12, motifIrrecevabilite);
            p.executeUpdate();
        }
    }

    /**
     * Facts of a nature on a territory recorded after {@code depuis} (excluded), oldest first, except those of the
     * caller itself ({@code sauf}): a system is not told what it did.
     */
    public List<Fait> faits(String nature, String territoire, Instant depuis, String sauf, int max)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT * FROM national.fait WHERE nature = ? AND territoire = ? AND horodatage > ?"
                        + " AND origine <> ? ORDER BY horodatage, id LIMIT ?")) {
            p.setString(1, nature);
            p.setString(2, territoire);
            p.setTimestamp(3, Timestamp.from(depuis));
            p.setString(4, sauf == null ? "" : sauf);
            p.setInt(5, max);
            List<Fait> faits = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    faits.add(new Fait(r.getLong("id"), r.getString("nature"), r.getString("numero_unique"),
                            r.getString("valeur"), r.getString("detail"), date(r, "date_fait"),
                            r.getString("origine"), r.getTimestamp("horodatage").toInstant(),
                            r.getString("bailleur") == null ? null : new Bail(r.getString("bailleur"),
                                    r.getString("rpls"), r.getString("reservataire"), r.getBoolean("dalo")),
                            r.getString("motif_irrecevabilite")));
                }
            }
            return faits;
        }
    }

    /** The movements received, in the order received (for a demand, or all when {@code numero} is null). */
    public List<Recu> recus(String numero) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT * FROM national.mouvement WHERE ? IS NULL OR numero_unique = ? ORDER BY ordre")) {
            p.setString(1, numero);
            p.setString(2, numero);
            List<Recu> recus = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    recus.add(new Recu(r.getLong("ordre"), r.getString("evenement_id"), r.getString("type"),
                            r.getString("numero_unique"), r.getLong("version"), r.getString("origine")));
                }
            }
            return recus;
        }
    }
}
