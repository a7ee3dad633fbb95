package org.registrehub.simulators.national;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the simulator answers, set by the tests or the control endpoint: normally; slowly (each call waits);
 * down (HTTP 503 without a SOAP body, as a stopped service behind its load balancer); or with errors (a SOAP fault
 * ERREUR_INTERNE). {@link #echouer(int)} makes only the next calls fail. Counts the calls it refused.
 */
public final class Comportement {

    /** The answering modes. */
    public enum Mode { NORMAL, LENT, PANNE, ERREUR }

    private volatile Mode mode = Mode.NORMAL;
    private volatile long delaiMs = 2000;
    private final AtomicInteger echecsAVenir = new AtomicInteger();
    private final AtomicLong refuses = new AtomicLong();
    private final AtomicLong appels = new AtomicLong();

    public Mode mode() {
        return mode;
    }

    public long delaiMs() {
        return delaiMs;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Slow mode: every call waits this long before it is handled. */
    public void lent(long delaiMs) {
        this.delaiMs = delaiMs;
        this.mode = Mode.LENT;
    }

    /** The next {@code n} calls answer HTTP 503, then the mode applies again. */
    public void echouer(int n) {
        echecsAVenir.set(n);
    }

    public long refuses() {
        return refuses.get();
    }

    public long appels() {
        return appels.get();
    }

    /**
     * Before a SOAP call reaches the service: {@code false} if it must be answered HTTP 503 (down, or one of the
     * failures asked for); waits first in slow mode.
     */
    boolean accepter() throws InterruptedException {
        appels.incrementAndGet();
        if (echecsAVenir.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || mode == Mode.PANNE) {
            refuses.incrementAndGet();
            return false;
        }
        if (mode == Mode.LENT) {
            Thread.sleep(delaiMs);
        }
        return true;
    }

    /** In error mode, the service answers a SOAP fault ERREUR_INTERNE to every call. */
    boolean enErreur() {
        if (mode == Mode.ERREUR) {
            refuses.incrementAndGet();
            return true;
        }
        return false;
    }
}
