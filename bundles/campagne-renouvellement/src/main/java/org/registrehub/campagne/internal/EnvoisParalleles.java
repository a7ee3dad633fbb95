package org.registrehub.campagne.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.registrehub.api.messagerie.AdresseRefusee;
import org.registrehub.api.messagerie.Courriel;
import org.registrehub.api.messagerie.ServeurInjoignable;

/**
 * The campaign's e-mails sent over several SMTP connections at once ({@code smtp.connexions}): a group of e-mails is
 * shared among as many threads, each taking a free connection for each e-mail. A group's call returns once each of its
 * e-mails is settled, with what became of each, in the group's order. Once the server fails on one connection, the
 * e-mails not yet started are not attempted (the caller gives them back, they are sent on the resume).
 */
final class EnvoisParalleles implements AutoCloseable {

    /** What became of one e-mail. */
    enum Issue {
        /** handed over to the server */
        ENVOYE,
        /** its address was refused (the notice goes by letter) */
        ADRESSE_REFUSEE,
        /** the server failed before taking it, or it was not attempted after a failure: to send again */
        NON_ENVOYE,
        /** an unexpected failure while it was being sent: it may have gone out */
        INCERTAIN
    }

    /** One e-mail's outcome and, unless sent, why. */
    record Resultat(Issue issue, Exception cause) {

        /** The failure that stops the run. */
        RuntimeException echec() {
            return cause instanceof RuntimeException e ? e : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    private static final AtomicInteger NUMERO = new AtomicInteger();

    private final List<Messagerie.Connexion> toutes = new ArrayList<>();
    private final BlockingQueue<Messagerie.Connexion> libres;
    private final ExecutorService fils;

    EnvoisParalleles(Messagerie messagerie, int connexions) {
        if (connexions < 1) {
            throw new IllegalArgumentException("smtp.connexions : au moins 1 (valeur " + connexions + ")");
        }
        this.libres = new ArrayBlockingQueue<>(connexions);
        for (int i = 0; i < connexions; i++) {
            // each connection reaches the server at its first e-mail
            Messagerie.Connexion c = messagerie.ouvrir();
            toutes.add(c);
            libres.add(c);
        }
        int lot = NUMERO.incrementAndGet();
        AtomicInteger fil = new AtomicInteger();
        this.fils = Executors.newFixedThreadPool(connexions, r -> {
            Thread t = new Thread(r, "registre-campagne-smtp-" + lot + "-" + fil.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int connexions() {
        return toutes.size();
    }

    /**
     * Sends a group of e-mails over the connections and waits for each of them.
     *
     * @return the outcome of each e-mail, in the order of {@code courriels}
     */
    List<Resultat> envoyer(List<Courriel> courriels) {
        return lancer(courriels).attendre();
    }

    /** Starts sending a group of e-mails over the connections; the caller may work meanwhile, then wait for them. */
    Lancement lancer(List<Courriel> courriels) {
        AtomicReference<RuntimeException> panne = new AtomicReference<>();
        List<Future<Resultat>> envois = new ArrayList<>(courriels.size());
        for (Courriel c : courriels) {
            envois.add(fils.submit(() -> envoyer(c, panne)));
        }
        return new Lancement(envois, panne);
    }

    /** A group of e-mails being sent. */
    static final class Lancement {
        private final List<Future<Resultat>> envois;
        private final AtomicReference<RuntimeException> panne;

        private Lancement(List<Future<Resultat>> envois, AtomicReference<RuntimeException> panne) {
            this.envois = envois;
            this.panne = panne;
        }

        /** @return the outcome of each e-mail of the group, in its order, once each is settled */
        List<Resultat> attendre() {
            List<Resultat> resultats = new ArrayList<>(envois.size());
            boolean interrompu = false;
            for (Future<Resultat> f : envois) {
                try {
                    resultats.add(interrompu ? resultatApresInterruption(f, panne.get()) : f.get());
                } catch (InterruptedException e) {
                    // the campaign is being stopped: what has not started is not attempted, what runs finishes
                    interrompu = true;
                    panne.compareAndSet(null, new ServeurInjoignable("campagne interrompue pendant l'envoi", e));
                    envois.forEach(x -> x.cancel(false));
                    resultats.add(resultatApresInterruption(f, panne.get()));
                } catch (ExecutionException | CancellationException e) {
                    resultats.add(new Resultat(Issue.INCERTAIN, new IllegalStateException(e.getMessage(), e)));
                }
            }
            if (interrompu) {
                Thread.currentThread().interrupt();
            }
            return resultats;
        }
    }

    /** An e-mail whose outcome was not awaited: sent if it finished sending, otherwise uncertain if it had started. */
    private static Resultat resultatApresInterruption(Future<Resultat> f, RuntimeException cause) {
        if (f.isDone() && !f.isCancelled()) {
            try {
                return f.get();
            } catch (InterruptedException | ExecutionException e) {
                return new Resultat(Issue.INCERTAIN, cause);
            }
        }
        return new Resultat(f.isCancelled() ? Issue.NON_ENVOYE : Issue.INCERTAIN, cause);
    }

    private Resultat envoyer(Courriel c, AtomicReference<RuntimeException> panne) throws InterruptedException {
        if (panne.get() != null) {
            return new Resultat(Issue.NON_ENVOYE, panne.get());
        }
        Messagerie.Connexion connexion = libres.take();
        try {
            connexion.envoyer(c);
            return new Resultat(Issue.ENVOYE, null);
        } catch (AdresseRefusee e) {
            return new Resultat(Issue.ADRESSE_REFUSEE, e);
        } catch (ServeurInjoignable e) {
            panne.compareAndSet(null, e);
            return new Resultat(Issue.NON_ENVOYE, e);
        } catch (RuntimeException e) {
            panne.compareAndSet(null, e);
            return new Resultat(Issue.INCERTAIN, e);
        } finally {
            libres.add(connexion);
        }
    }

    @Override
    public void close() {
        fils.shutdown();
        try {
            if (!fils.awaitTermination(1, TimeUnit.MINUTES)) {
                fils.shutdownNow();
            }
        } catch (InterruptedException e) {
            fils.shutdownNow();
            Thread.currentThread().interrupt();
        }
        toutes.forEach(Messagerie.Connexion::close);
    }
}
