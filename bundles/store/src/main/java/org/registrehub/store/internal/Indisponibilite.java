package org.registrehub.store.internal;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

/** Recognises the failures that mean "the database cannot be reached", as opposed to bugs or rule violations. */
final class Indisponibilite {

    private Indisponibilite() {
    }

    /** SQLSTATE of PostgreSQL's "database does not exist". */
    static final String BASE_ABSENTE = "3D000";
    /** SQLSTATE of "relation does not exist": the schema is gone or not migrated yet. */
    static final String TABLE_ABSENTE = "42P01";

    static boolean estIndisponibilite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.startsWith("28") || state.equals(BASE_ABSENTE) || state.equals(TABLE_ABSENTE))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage());
                if (message.startsWith("Cannot create PoolableConnectionFactory")
                        || message.startsWith("Cannot get a connection")) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean aEtat(Throwable e, String sqlState) {
        return sqlState(e).filter(sqlState::equals).isPresent();
    }

    static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** The innermost message, which is the one that tells the administrator what is wrong. */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }
}
