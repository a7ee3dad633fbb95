package org.registrehub.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the hub and PostgreSQL that a test can cut and restore: a real network outage as the JDBC
 * driver and the pool see it (connections refused, open connections reset), without touching the shared server.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final String cibleHote;
    private final int ciblePort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket serveur;

    TcpProxy(int port, String cibleHote, int ciblePort) {
        this.port = port;
        this.cibleHote = cibleHote;
        this.ciblePort = ciblePort;
    }

    synchronized void demarrer() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        serveur = s;
        Thread accepteur = new Thread(() -> accepter(s), "proxy-pg-" + port);
        accepteur.setDaemon(true);
        accepteur.start();
    }

    /** Refuses new connections and resets the open ones. */
    synchronized void couper() throws IOException {
        if (serveur != null) {
            serveur.close();
            serveur = null;
        }
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // already closed by the other side
            }
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        couper();
    }

    private void accepter(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket pg = new Socket(cibleHote, ciblePort);
                sockets.add(client);
                sockets.add(pg);
                pomper(client, pg);
                pomper(pg, client);
            } catch (IOException e) {
                return; // server socket closed: outage
            }
        }
    }

    private void pomper(Socket de, Socket vers) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = de.getInputStream(); OutputStream out = vers.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // connection cut by the test or closed by a peer
            } finally {
                try {
                    vers.close();
                } catch (IOException ignored) {
                    // nothing left to close
                }
            }
        }, "proxy-pg-pompe");
        t.setDaemon(true);
        t.start();
    }
}
