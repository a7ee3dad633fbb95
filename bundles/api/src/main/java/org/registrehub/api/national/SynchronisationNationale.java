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
}
