package org.registrehub.routes.national.internal;

import org.registrehub.api.national.EtatSynchronisation;
import org.registrehub.api.national.SynchronisationNationale;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.spi.SynchroNationaleStore;

/** The national synchronization as the console sees it: its state, and its tasks run on demand. */
public class SynchronisationNationaleImpl implements SynchronisationNationale {

    private final SynchroNationaleStore store;
    private final ClientNational client;
    private final EnvoiNational envoi;
    private final RecuperationNationale recuperation;
    private final Reconciliation reconciliation;

    public SynchronisationNationaleImpl(SynchroNationaleStore store, ClientNational client, EnvoiNational envoi,
                                        RecuperationNationale recuperation, Reconciliation reconciliation) {
        this.store = store;
        this.client = client;
        this.envoi = envoi;
        this.recuperation = recuperation;
        this.reconciliation = reconciliation;
    }

    @Override
    public EtatSynchronisation etat() {
        return new EtatSynchronisation(store.enAttenteNational(), store.plusAncienEnAttenteNational().orElse(null),
                store.refusesNational(), client.circuit() + " (" + client.adresse() + ")", envoi.prochainEssai(),
                store.etats());
    }

    @Override
    public String executer(TacheNationale tache) {
        return switch (tache) {
            case ENVOI -> envoi.envoyerMaintenant() + " événement(s) transmis ; " + store.enAttenteNational()
                    + " en attente" + (envoi.prochainEssai() == null ? "" : " (registre national indisponible)");
            case RECONCILIATION -> reconciliation.executer();
            default -> recuperation.executer(tache);
        };
    }

    @Override
    public String dernierRapport() {
        return store.dernierRapport().orElse("Aucune réconciliation n'a encore été faite"
                + " (registre:sync-run reconciliation).");
    }
}
