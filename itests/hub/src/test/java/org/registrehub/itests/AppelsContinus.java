package org.registrehub.itests;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that calls the hub without pause from a thread of its own while a test changes the hub under it (hot
 * deployment, configuration change): every answer that is not a success (2xx) and every exception is kept.
 */
final class AppelsContinus implements AutoCloseable {

    /** One call of the client; its {@code i} counts the calls made. */
    @FunctionalInterface
    interface Appel {
        HttpResponse<String> faire(int i) throws Exception;
    }

    private final AtomicBoolean enCours = new AtomicBoolean(true);
    private final AtomicInteger appels = new AtomicInteger();
    private final Queue<String> echecs = new ConcurrentLinkedQueue<>();
    private final Thread client;

    AppelsContinus(String nom, Appel appel) {
        client = new Thread(() -> {
            while (enCours.get()) {
                try {
                    HttpResponse<String> r = appel.faire(appels.get());
                    if (r.statusCode() / 100 != 2) {
                        echecs.add(r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    echecs.add(e.toString());
                }
                appels.incrementAndGet();
            }
        }, nom);
        client.start();
    }

    int appels() {
        return appels.get();
    }

    /** What failed so far (status and body, or the exception). */
    List<String> echecs() {
        return List.copyOf(echecs);
    }

    /** Stops the client and waits for its last call. */
    @Override
    public void close() throws InterruptedException {
        enCours.set(false);
        client.join(30_000);
    }
}
