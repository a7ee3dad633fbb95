package org.registrehub.api.spi;

import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The register's database as the capabilities share it (published by the store bundle, the shared persistence core:
 * DataSource, migrations, health, type handlers). Each capability keeps its SQL in its own bundle — a MyBatis mapper
 * interface with its XML beside it — and runs it through the {@link Sessions} it asks for here.
 */
@ProviderType
public interface BaseDeDonnees {

    /**
     * The sessions of a capability's mappers, over the register's DataSource with the register's type handlers
     * (UUID, the dossier and the radiation as JSON). The mappers' XML is read with their own class loader. Ask once,
     * when the capability's component starts.
     */
    Sessions sessions(Class<?>... mappers);

    /** A capability's way into the database: one transaction per call. */
    @ProviderType
    interface Sessions {

        /**
         * Runs {@code travail} in one transaction, committed if it returns, rolled back if it throws.
         *
         * @param operation what is done, in the register's words, for the errors and the log ("statistiques des flux")
         * @throws org.registrehub.api.RegistreIndisponibleException when the database cannot be reached or its schema
         *                                                          is not ready (nothing was written)
         * @throws org.registrehub.api.RegistreException          {@code ERREUR_INTERNE} for any other SQL failure
         *                                                          (nothing was written; the cause is logged)
         */
        <M, T> T executer(String operation, Class<M> mapper, Function<M, T> travail);

        /**
         * Runs {@code travail} in one transaction whose inserts and updates are sent in JDBC batches (a query first
         * sends what is pending; all of it at the latest at the commit), with any of this capability's mappers: a bulk
         * load of many rows in one round trip per batch. Same errors as {@link #executer}.
         */
        <T> T executerParLots(String operation, Function<Mappers, T> travail);
    }

    /** The mappers of one transaction. */
    @ProviderType
    interface Mappers {

        <M> M mapper(Class<M> type);
    }
}
