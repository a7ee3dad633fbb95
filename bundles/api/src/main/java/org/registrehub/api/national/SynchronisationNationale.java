package org.registrehub.api.national;

/** The national synchronization, as the console and the health checks see it. */
public interface SynchronisationNationale {

    EtatSynchronisation etat();

    /**
     * Runs a task now, on this node (waiting for another node that holds it), and returns what it did, in French.
     *
     * @throws RegistreNationalIndisponibleException if the national register cannot be reached
     */
    String executer(TacheNationale tache);

    /** The last reconciliation report, or a sentence saying there is none yet. */
    String dernierRapport();

    /**
     * The scheduler's tick of the sending: sends the events waiting in the outbox, in order, unless the national
     * register is unconfigured or in its retry delay after a failure, or another node holds the task.
     *
     * @return the events handed to the national register
     */
    int envoyerEnAttente();

    /**
     * The scheduler's tick of the daily pulls: runs them when their hour has come on this node's clock and they have
     * not succeeded today (a failed pull is retried after its delay; a node started after the hour catches up).
     */
    void recupererSiEchue();

    /**
     * The national register's availability in one French sentence (address and circuit breaker, or "not
     * configured"), without reading the database: for the health checks.
     */
    String disponibilite();
}
