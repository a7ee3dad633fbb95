package org.registrehub.national.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.registrehub.api.Canal;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.Operation;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.national.MouvementNational;
import org.registrehub.api.national.RefusNationalException;
import org.registrehub.api.national.RegistreNational;
import org.registrehub.api.national.RegistreNationalIndisponibleException;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.spi.BauxCluster;
import org.registrehub.api.spi.JsonCodec;
import org.registrehub.api.national.spi.SynchroNationaleStore;
import org.registrehub.api.national.spi.SynchroNationaleStore.Issue;
import org.registrehub.api.national.spi.SynchroNationaleStore.Transmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox events to the national register, oldest first, one node at a time (lease ENVOI). The first
 * failure of the national side stops the round — nothing written after it is sent before it, so the changes of a
 * demand arrive in their order — and the next round waits, doubling up to {@code delaiMax}; the circuit breaker of
 * the client makes the waiting rounds fail at once (such a refusal does not lengthen the wait: the first call the
 * breaker lets through again is not delayed by it). An event the national side refuses (unknown demand, older
 * version) is marked refused with the reason and the next ones go on: the reconciliation reports and fixes it. A
 * change that came from the national register itself (channel NATIONAL) is not sent back.
 */
public class EnvoiNational {

    private static final Logger LOG = LoggerFactory.getLogger(EnvoiNational.class);

    private final SynchroNationaleStore store;
    private final BauxCluster baux;
    private final RegistreNational national;
    private final JsonCodec json;
    private final String noeud;
    private final int lot;
    private final Duration delaiMax;
    private final Clock clock;

    private Duration delai = Duration.ofSeconds(1);
    private boolean actif = true;
    /** The last failure was the circuit breaker's refusal: it costs nothing, the wait does not grow. */
    private boolean circuitOuvert;
    private volatile Instant prochainEssai;
    private boolean enEchec;

    public EnvoiNational(SynchroNationaleStore store, BauxCluster baux, RegistreNational national, JsonCodec json,
                         String noeud, int lot, long delaiMaxSecondes) {
        this(store, baux, national, json, noeud, lot, Duration.ofSeconds(delaiMaxSecondes), Clock.systemUTC());
    }

    EnvoiNational(SynchroNationaleStore store, BauxCluster baux, RegistreNational national, JsonCodec json,
                  String noeud, int lot, Duration delaiMax, Clock clock) {
        this.store = store;
        this.baux = baux;
        this.national = national;
        this.json = json;
        this.noeud = noeud;
        this.lot = lot;
        this.delaiMax = delaiMax;
        this.clock = clock;
    }

    /** Without a national URL the timer sends nothing (the events wait); {@code synchro-lancer envoi} still tries. */
    public void setActif(boolean actif) {
        this.actif = actif;
    }

    /** When sending resumes after a failure, or null while it works. */
    public Instant prochainEssai() {
        return prochainEssai;
    }

    /** One tick of the timer: sends what waits unless the last failure asks to wait; returns how many were marked. */
    public synchronized int envoyer() {
        if (!actif || prochainEssai != null && clock.instant().isBefore(prochainEssai)) {
            return 0;
        }
        return envoyerMaintenant();
    }

    /** Sends now (the console's synchro-lancer), whatever the waiting delay. */
    public synchronized int envoyerMaintenant() {
        int total = 0;
        String[] arret = new String[1];
        try {
            if (!baux.prendre(Configuration.BAIL + TacheNationale.ENVOI, noeud, Duration.ofMinutes(2))) {
                return 0;
            }
            try {
                int marques;
                do {
                    marques = store.transmettre(lot, e -> transmettre(e, arret));
                    total += marques;
                } while (marques == lot && arret[0] == null);
            } finally {
                baux.rendre(Configuration.BAIL + TacheNationale.ENVOI, noeud);
            }
        } catch (RegistreIndisponibleException e) {
            arret[0] = e.getMessage();
        }
        if (arret[0] != null) {
            echec(arret[0], total);
        } else {
            reussite(total);
        }
        return total;
    }

    private Transmission transmettre(EvenementDemande e, String[] arret) {
        if (!national(e.type())) {
            // a local event (a candidature of the attribution side): nothing the national register keeps
            LOG.debug("Événement {} {} de {} : local, sans objet pour le registre national", e.evenementId(),
                    e.type(), e.numeroUnique());
            return Transmission.TRANSMIS;
        }
        MouvementNational m;
        try {
            ContenuRecu c = json.lire(e.contenu(), ContenuRecu.class);
            if (Canal.NATIONAL.name().equals(c.canal())) {
                // the change came from the national register (a radiation made elsewhere): it has it already
                return Transmission.TRANSMIS;
            }
            m = new MouvementNational(e.evenementId(), operation(e.type()), e.horodatage(), c.demande());
        } catch (RuntimeException illisible) {
            LOG.error("Événement {} ({}, demande {}) illisible, non transmis au registre national : {}",
                    e.evenementId(), e.type(), e.numeroUnique(), illisible.getMessage());
            return new Transmission(Issue.REFUSE, "ILLISIBLE : " + illisible.getMessage());
        }
        try {
            boolean nouveau = national.transmettre(m);
            LOG.debug("Événement {} {} de {} transmis au registre national{}", e.evenementId(), e.type(),
                    e.numeroUnique(), nouveau ? "" : " (déjà reçu)");
            return Transmission.TRANSMIS;
        } catch (RefusNationalException refus) {
            LOG.warn("Le registre national refuse l'événement {} ({}, demande {}, version {}) : {}", e.evenementId(),
                    e.type(), e.numeroUnique(), m.demande().version(), refus.getMessage());
            return new Transmission(Issue.REFUSE, refus.getMessage());
        } catch (RegistreNationalIndisponibleException panne) {
            arret[0] = panne.getMessage();
            circuitOuvert = panne.getCause() instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException;
            return new Transmission(Issue.ARRET, panne.getMessage());
        }
    }

    /** Whether an outbox event is one of the demand's life cycle, which the national register receives. */
    static boolean national(String type) {
        return Arrays.stream(Operation.values()).anyMatch(o -> o.evenement().equals(type));
    }

    static Operation operation(String type) {
        return Arrays.stream(Operation.values()).filter(o -> o.evenement().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("type d'événement inconnu : " + type));
    }

    private void reussite(int total) {
        if (enEchec) {
            LOG.info("Transmission au registre national rétablie : {} événement(s) transmis", total);
        }
        enEchec = false;
        delai = Duration.ofSeconds(1);
        prochainEssai = null;
        if (total > 0) {
            store.reussite(TacheNationale.ENVOI, total + " événement(s) transmis");
        }
    }

    private void echec(String cause, int total) {
        if (!enEchec) {
            LOG.warn("Transmission au registre national interrompue ({} transmis avant) : {} ; les événements restent"
                    + " en attente dans l'ordre, nouvel essai dans {} s", total, cause, delai.toSeconds());
        }
        enEchec = true;
        prochainEssai = clock.instant().plus(delai);
        if (!circuitOuvert) {
            delai = delai.multipliedBy(2).compareTo(delaiMax) > 0 ? delaiMax : delai.multipliedBy(2);
        }
        circuitOuvert = false;
        try {
            store.echec(TacheNationale.ENVOI, cause);
        } catch (RegistreIndisponibleException e) {
            LOG.debug("échec non enregistré (base indisponible)", e);
        }
    }
}
