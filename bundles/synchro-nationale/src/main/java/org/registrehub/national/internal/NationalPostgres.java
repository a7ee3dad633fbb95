package org.registrehub.national.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.registrehub.api.EvenementDemande;
import org.registrehub.api.national.DoublonNational;
import org.registrehub.api.national.EtatNational;
import org.registrehub.api.national.EtatTache;
import org.registrehub.api.national.RecoursDalo;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.national.spi.SynchroNationaleStore;
import org.registrehub.api.spi.BaseDeDonnees;

/**
 * The national synchronization's persistence on the register's database: this bundle's SQL
 * ({@code NationalMapper.xml}), run through the shared core; each call is one transaction.
 */
public class NationalPostgres implements SynchroNationaleStore {

    private final BaseDeDonnees.Sessions store;

    public NationalPostgres(BaseDeDonnees base) {
        this.store = base.sessions(NationalMapper.class);
    }

    @Override
    public int transmettre(int max, Function<EvenementDemande, Transmission> envoi) {
        List<EvenementDemande> evenements = store.executer("lecture des événements à transmettre au registre"
                + " national", NationalMapper.class, m -> m.evenementsAEnvoyer(max)).stream()
                .map(LigneEvenement::evenement).toList();
        int marques = 0;
        for (EvenementDemande e : evenements) {
            Transmission t = envoi.apply(e);
            if (t.issue() == Issue.ARRET) {
                break;
            }
            String refus = t.issue() == Issue.REFUSE ? t.motif() : null;
            marques += store.executer("envoi national de l'événement " + e.evenementId(), NationalMapper.class,
                    m -> m.marquer(e.evenementId(), refus));
        }
        return marques;
    }

    @Override
    public long enAttenteNational() {
        return store.executer("comptage des événements à transmettre", NationalMapper.class,
                NationalMapper::compterEnAttente);
    }

    @Override
    public Optional<Instant> plusAncienEnAttenteNational() {
        return Optional.ofNullable(store.executer("retard de la transmission nationale", NationalMapper.class,
                NationalMapper::plusAncienEnAttente));
    }

    @Override
    public long refusesNational() {
        return store.executer("comptage des refus nationaux", NationalMapper.class, NationalMapper::compterRefus);
    }

    @Override
    public List<String> derniersRefus(int max) {
        return store.executer("derniers refus nationaux", NationalMapper.class, m -> m.derniersRefus(max));
    }

    @Override
    public void reussite(TacheNationale tache, String bilan) {
        store.executer("bilan de la tâche " + tache, NationalMapper.class, m -> m.reussite(tache.name(), bilan));
    }

    @Override
    public void echec(TacheNationale tache, String erreur) {
        store.executer("échec de la tâche " + tache, NationalMapper.class, m -> m.echec(tache.name(), erreur));
    }

    @Override
    public List<EtatTache> etats() {
        return store.executer("état de la synchronisation nationale", NationalMapper.class, NationalMapper::etats);
    }

    @Override
    public Optional<Instant> curseur(TacheNationale tache, String territoire) {
        return Optional.ofNullable(store.executer("curseur de la tâche " + tache, NationalMapper.class,
                m -> m.curseur(tache.name(), territoire)));
    }

    @Override
    public void avancer(TacheNationale tache, String territoire, Instant curseur) {
        store.executer("curseur de la tâche " + tache, NationalMapper.class,
                m -> m.avancer(tache.name(), territoire, curseur));
    }

    @Override
    public java.util.Set<String> numerosEnAttenteNational(String territoire) {
        return java.util.Set.copyOf(store.executer("demandes en attente d'envoi national", NationalMapper.class,
                m -> m.numerosEnAttente(territoire)));
    }

    @Override
    public boolean enregistrerDoublon(DoublonNational d) {
        return store.executer("doublon national de " + d.numeroUnique(), NationalMapper.class, m -> {
            if (m.insererDoublon(d.numeroUnique(), d.numeroDoublon(), d.critere(), d.horodatage()) == 0) {
                return false;
            }
            m.auditer("DOUBLON_NATIONAL", d.numeroUnique(), "doublon présumé de " + d.numeroDoublon()
                    + " signalé par le registre national (" + d.critere() + ")");
            return true;
        });
    }

    @Override
    public boolean enregistrerRecoursDalo(RecoursDalo r) {
        return store.executer("recours DALO de " + r.numeroUnique(), NationalMapper.class, m -> {
            if (m.insererRecoursDalo(r.numeroUnique(), r.dateRecours(), r.decision(), r.origine(),
                    r.horodatage()) == 0) {
                return false;
            }
            m.auditer("RECOURS_DALO", r.numeroUnique(), "recours DALO du " + r.dateRecours() + " déclaré par "
                    + r.origine() + (r.decision() == null ? " (en cours)" : " : " + r.decision()));
            return true;
        });
    }

    @Override
    public List<EtatNational> etatsLocaux(String territoire, String apres, int max) {
        return store.executer("états locaux du territoire " + territoire, NationalMapper.class,
                m -> m.etatsLocaux(territoire, apres == null ? "" : apres, max));
    }

    @Override
    public void enregistrerRapport(Instant debut, Instant fin, int ecarts, int corriges, String texte) {
        store.executer("rapport de réconciliation", NationalMapper.class,
                m -> m.insererRapport(debut, fin, ecarts, corriges, texte));
    }

    @Override
    public Optional<String> dernierRapport() {
        return Optional.ofNullable(store.executer("dernier rapport de réconciliation", NationalMapper.class,
                NationalMapper::dernierRapport));
    }
}
