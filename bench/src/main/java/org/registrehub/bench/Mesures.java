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

    /** One HTTP call of a benchmark. */
    @FunctionalInterface
    interface Appel {
        java.net.http.HttpResponse<?> faire() throws Exception;
    }

    /** Ten warm-up calls, then {@code n} timed; a status other than 200 stops the benchmark. */
    static Mesures http(int n, Appel appel) throws Exception {
        Mesures m = new Mesures(n);
        for (int i = 0; i < n + 10; i++) {
            long debut = System.nanoTime();
            java.net.http.HttpResponse<?> r = appel.faire();
            long duree = System.nanoTime() - debut;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.uri() + " : " + r.statusCode() + " " + r.body());
            }
            if (i >= 10) {
                m.ajouter(duree);
            }
        }
        return m;
    }
}
