package org.registrehub.api.national.spi;

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

/** Persistence of the national synchronization: sending state of the outbox events, tasks, national reports. */
public interface SynchroNationaleStore {

    /** What became of one event handed to the national register. */
    enum Issue { TRANSMIS, REFUSE, ARRET }

    /** The outcome of one send: {@code motif} says why it was refused (REFUSE) or why sending stops (ARRET). */
    record Transmission(Issue issue, String motif) {
        public static final Transmission TRANSMIS = new Transmission(Issue.TRANSMIS, null);
    }

    /**
     * Hands the oldest events not yet sent to the national register (up to {@code max}, in the order they were
     * written) to {@code envoi}, one by one, until it answers {@link Issue#ARRET}; marks each event answered
     * TRANSMIS or REFUSE at once (its own short transaction: a slow national side never holds the outbox's rows).
     * The caller holds the task's lease (a {@code BauxCluster} lease {@code synchro-nationale:ENVOI}).
     *
     * @return the events marked
     */
    int transmettre(int max, Function<EvenementDemande, Transmission> envoi);

    /** Events not yet sent to the national register. */
    long enAttenteNational();

    /** When the oldest event not yet sent was written. */
    Optional<Instant> plusAncienEnAttenteNational();

    /** Events the national register refused. */
    long refusesNational();

    /** The latest refused events: {@code numero type motif}, newest first. */
    List<String> derniersRefus(int max);

    /** A successful run and what it did. */
    void reussite(TacheNationale tache, String bilan);

    void echec(TacheNationale tache, String erreur);

    List<EtatTache> etats();

    /** How far a pull has read the national list of a territory (the timestamp of the last element applied). */
    Optional<Instant> curseur(TacheNationale tache, String territoire);

    /** Moves a pull's cursor forward, once the elements up to it are applied. */
    void avancer(TacheNationale tache, String territoire, Instant curseur);

    /** The numéros of a territory with events not yet sent to the national register. */
    java.util.Set<String> numerosEnAttenteNational(String territoire);

    /** Records a duplicate reported nationally, with its audit line; false if known already or not a demand here. */
    boolean enregistrerDoublon(DoublonNational doublon);

    /** Records a DALO recourse declared nationally, with its audit line; false if known or not a demand here. */
    boolean enregistrerRecoursDalo(RecoursDalo recours);

    /** The hub's demands of a territory (status, version) by numéro after {@code apres} (excluded). */
    List<EtatNational> etatsLocaux(String territoire, String apres, int max);

    void enregistrerRapport(Instant debut, Instant fin, int ecarts, int corriges, String texte);

    Optional<String> dernierRapport();
}
