package org.registrehub.bench;

import java.util.Arrays;

/** Latency percentiles of a series of measures, in milliseconds. */
final class Mesures {

    private final long[] nanos;
    private int n;

    Mesures(int capacite) {
        nanos = new long[capacite];
    }

    synchronized void ajouter(long duree) {
        nanos[n++] = duree;
    }

    synchronized double percentile(double p) {
        long[] tries = Arrays.copyOf(nanos, n);
        Arrays.sort(tries);
        return tries[Math.min(n - 1, (int) Math.ceil(p / 100.0 * n) - 1)] / 1e6;
    }

    String resume() {
        return String.format("p50 %.1f ms, p99 %.1f ms", percentile(50), percentile(99));
    }
}
