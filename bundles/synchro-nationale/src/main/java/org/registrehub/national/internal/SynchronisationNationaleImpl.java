package org.registrehub.national.internal;

import org.registrehub.api.national.EtatSynchronisation;
import org.registrehub.api.national.SynchronisationNationale;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.national.spi.SynchroNationaleStore;

/**
 * The national synchronization as the console and the routes see it: its state, its tasks run on demand, and the
 * scheduler's ticks.
 */
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
    public int envoyerEnAttente() {
        return envoi.envoyer();
    }

    @Override
    public void recupererSiEchue() {
        recuperation.siEcheance();
    }

    @Override
    public String disponibilite() {
        return !client.configure() ? "registre national non configuré (national.url) : rien n'est envoyé ni récupéré"
                : "registre national " + client.adresse() + ", circuit " + client.circuit()
                + ("CLOSED".equals(client.circuit()) ? "" : " (indisponible : les changements attendent dans"
                + " l'outbox)");
    }

    @Override
    public String dernierRapport() {
        return store.dernierRapport().orElse("Aucune réconciliation n'a encore été faite"
                + " (registre:synchro-lancer reconciliation).");
    }
}
