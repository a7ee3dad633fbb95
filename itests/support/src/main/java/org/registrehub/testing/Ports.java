package org.registrehub.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the hubs the tests start. Taken below the kernel's ephemeral range (32768-60999 on Linux): a
 * port the system hands out with {@code new ServerSocket(0)} is in that range, where any outgoing connection of a
 * test running beside (a JDBC pool, a broker client) may take it again before the hub binds it — seen on the CI
 * machine as "Failed to bind ... Address already in use" when the Pax Exam and process tests run side by side.
 */
public final class Ports {

    private static final int MIN = 20_000;
    private static final int MAX = 32_000;
    private static final Set<Integer> DONNES = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port nobody listens on now, on the loopback and on every interface, never handed out twice by this JVM. */
    public static int libre() throws IOException {
        for (int essai = 0; essai < 200; essai++) {
            int port = ThreadLocalRandom.current().nextInt(MIN, MAX);
            if (DONNES.contains(port)) {
                continue;
            }
            if (disponible(port, InetAddress.getLoopbackAddress()) && disponible(port, null) && DONNES.add(port)) {
                return port;
            }
        }
        throw new IOException("aucun port libre entre " + MIN + " et " + MAX + " après 200 essais");
    }

    private static boolean disponible(int port, InetAddress adresse) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(adresse == null ? new InetSocketAddress(port) : new InetSocketAddress(adresse, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
