package org.registrehub.routes.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.SanteService;
import org.registrehub.api.registre.EvenementsAPublier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves pending outbox events to the broker, batch by batch. After a failure (broker or database unreachable) it
 * backs off exponentially up to {@code delaiMax} and reports DOWN on the health endpoint; the first success after an
 * outage is logged with the number of events still waiting.
 */
public class RelaisOutbox implements SanteService {

    private static final Logger LOG = LoggerFactory.getLogger(RelaisOutbox.class);
    static final String COMPOSANT = "relais-outbox";
    public static final String PUBLICATION = "direct:outbox-publication";
    public static final String PUBLICATION_BAILLEUR = "direct:outbox-bailleur";
    public static final String HEADER_BAILLEUR = "registreBailleur";

    private final EvenementsAPublier outbox;
    private final int lot;
    private final Duration delaiMax;
    private final Clock clock;

    private volatile EtatSante etat;
    private Instant prochainEssai = Instant.EPOCH;
    private Duration delai = Duration.ofSeconds(1);
    private ProducerTemplate producteur;

    public RelaisOutbox(EvenementsAPublier outbox, int lot, long delaiMaxSecondes) {
        this(outbox, lot, Duration.ofSeconds(delaiMaxSecondes), Clock.systemUTC());
    }

    RelaisOutbox(EvenementsAPublier outbox, int lot, Duration delaiMax, Clock clock) {
        this.outbox = outbox;
        this.lot = lot;
        this.delaiMax = delaiMax;
        this.clock = clock;
        this.etat = new EtatSante(COMPOSANT, EtatSante.Statut.STARTING, "premier relais en attente", clock.instant());
    }

    @Override
    public EtatSante etat() {
        return etat;
    }

    /** One tick of the timer: publishes every pending event, batch after batch; returns how many were published. */
    public synchronized int relayer(Exchange exchange) {
        Instant maintenant = clock.instant();
        if (maintenant.isBefore(prochainEssai)) {
            return 0;
        }
        if (producteur == null) {
            producteur = exchange.getContext().createProducerTemplate();
        }
        int total = 0;
        try {
            int publies;
            do {
                publies = relayerUnLot();
                total += publies;
            } while (publies == lot);
            reussite(total);
        } catch (RuntimeException e) {
            echec(e, total);
        }
        return total;
    }

    /**
     * One batch. With a broker transaction manager, every send of the batch joins one broker transaction (the routes'
     * JMS producers find it bound to the thread), committed when the batch is marked, just before the database
     * commits: one synchronous disk write on the broker per batch instead of one per send. A crash between the two
     * commits republishes the batch: the broker refuses its transaction for the duplicates, and the batch goes again
     * outside a transaction ({@link #republier}).
     */
    private int relayerUnLot() {
        if (transactions == null || republier) {
            // one send after the other: a duplicate is a message the broker has already, skipped
            int n = outbox.relayer(lot, e -> publier(e, true));
            republier = false;
            return n;
        }
        org.springframework.transaction.TransactionStatus tx = transactions.getTransaction(
                new org.springframework.transaction.support.DefaultTransactionDefinition());
        try {
            return outbox.relayer(lot, e -> publier(e, false), () -> transactions.commit(tx));
        } finally {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
        }
    }

    private org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * The broker refused the commit of a batch because it holds some of its messages already: the batch was
     * published, then the hub stopped before the database marked it (a {@code kill -9} between the two commits). In
     * a transaction the broker refuses the whole batch for one duplicate, again at every try; so the next try sends
     * it one message after the other, outside a transaction, and the broker's duplicate refusals are skipped.
     */
    private boolean republier;

    /** The broker's transaction manager (on the routes' connection factory); none: one send after the other. */
    public void setTransactions(org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    /**
     * Publishes one event on the events address, then on the event queue of each landlord it is addressed to. Each
     * send carries a duplicate id of its own (event, landlord): after a crash between a send and the commit, the
     * broker drops what it already has and takes the rest. Outside a broker transaction ({@code horsTransaction}),
     * a send the broker refuses as a duplicate is one it has already: skipped.
     */
    private void publier(EvenementDemande e, boolean horsTransaction) {
        envoyer(PUBLICATION, e, enTetes(e, e.evenementId().toString()), horsTransaction);
        for (String bailleur : e.destinataires()) {
            java.util.Map<String, Object> h = new java.util.HashMap<>(enTetes(e, e.evenementId() + ":" + bailleur));
            h.put(HEADER_BAILLEUR, bailleur);
            envoyer(PUBLICATION_BAILLEUR, e, h, horsTransaction);
        }
    }

    private void envoyer(String route, EvenementDemande e, java.util.Map<String, Object> enTetes,
                         boolean horsTransaction) {
        try {
            producteur.sendBodyAndHeaders(route, e.contenu(), enTetes);
        } catch (RuntimeException refus) {
            if (!horsTransaction || !doublon(refus)) {
                throw refus;
            }
            LOG.debug("Événement {} ({}) déjà reçu par le broker : pas renvoyé", e.evenementId(),
                    enTetes.get(HEADER_BAILLEUR) == null ? "adresse des événements" : enTetes.get(HEADER_BAILLEUR));
        }
    }

    /** The broker refused a message (or the commit of its transaction) because it has one with the same id. */
    static boolean doublon(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Duplicate message detected")) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Map<String, Object> enTetes(EvenementDemande e, String idDoublon) {
        return java.util.Map.of(
                "registreEvenementId", e.evenementId().toString(),
                "registreType", e.type(),
                "registreNumeroUnique", e.numeroUnique(),
                // Artemis drops a message whose duplicate id it has already seen (republication after a crash).
                "_AMQ_DUPL_ID", idDoublon);
    }

    private void reussite(int total) {
        if (etat.statut() != EtatSante.Statut.UP) {
            LOG.info("Relais de l'outbox opérationnel ({} événement(s) publié(s))", total);
            etat = new EtatSante(COMPOSANT, EtatSante.Statut.UP, "événements publiés sur le broker", clock.instant());
        } else if (total > 0) {
            LOG.debug("{} événement(s) publié(s)", total);
        }
        delai = Duration.ofSeconds(1);
        prochainEssai = Instant.EPOCH;
    }

    private void echec(RuntimeException e, int dejaPublies) {
        if (doublon(e) && transactions != null && !republier) {
            LOG.info("Relais de l'outbox : le broker a déjà une partie du lot suivant (publié avant un arrêt brutal,"
                    + " pas encore marqué dans la base) ; il repart message par message, ce que le broker a déjà"
                    + " est écarté");
            republier = true;
            prochainEssai = Instant.EPOCH;
            return;
        }
        String cause = e instanceof RegistreIndisponibleException ? e.getMessage() : racine(e);
        String message = "publication des événements impossible : " + cause;
        if (etat.statut() != EtatSante.Statut.DOWN) {
            LOG.warn("Relais de l'outbox : {} ({} publié(s) avant l'échec) ; les événements restent en attente "
                    + "dans la base, nouvel essai dans {} s", cause, dejaPublies, delai.toSeconds());
            LOG.debug("Cause de l'échec du relais", e);
            etat = new EtatSante(COMPOSANT, EtatSante.Statut.DOWN, message, clock.instant());
        } else {
            etat = new EtatSante(COMPOSANT, EtatSante.Statut.DOWN, message, etat.depuis());
        }
        prochainEssai = clock.instant().plus(delai);
        delai = delai.multipliedBy(2).compareTo(delaiMax) > 0 ? delaiMax : delai.multipliedBy(2);
    }

    private static String racine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " : " + t.getMessage());
    }
}
