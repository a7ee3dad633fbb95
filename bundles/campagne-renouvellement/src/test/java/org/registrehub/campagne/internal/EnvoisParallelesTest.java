package org.registrehub.campagne.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;
import org.registrehub.api.messagerie.Courriel;
import org.registrehub.campagne.internal.EnvoisParalleles.Issue;
import org.registrehub.campagne.internal.EnvoisParalleles.Resultat;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.helper.SimpleMessageListenerAdapter;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The campaign's parallel SMTP sending against a real SMTP server (SubEtha SMTP) whose deliveries of a round wait for
 * each other: a sender that used one connection at a time would never fill a round.
 */
public class EnvoisParallelesTest {

    private SMTPServer serveur;

    @After
    public void arreter() {
        if (serveur != null) {
            serveur.stop();
        }
    }

    /** A server that refuses the recipients of refuses.invalid and makes each delivery wait at {@code tour}. */
    private int demarrer(CyclicBarrier tour, AtomicInteger enCours, AtomicInteger auPlus, AtomicBoolean attenteVaine,
                         Set<String> recus) throws IOException {
        serveur = new SMTPServer(new SimpleMessageListenerAdapter(new SimpleMessageListener() {
            @Override
            public boolean accept(String de, String pour) {
                return !pour.endsWith("@refuses.invalid");
            }

            @Override
            public void deliver(String de, String pour, InputStream donnees) throws IOException {
                int n = enCours.incrementAndGet();
                auPlus.accumulateAndGet(n, Math::max);
                try {
                    if (tour != null) {
                        tour.await(10, TimeUnit.SECONDS);
                    }
                } catch (TimeoutException | BrokenBarrierException e) {
                    attenteVaine.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    enCours.decrementAndGet();
                }
                donnees.transferTo(java.io.OutputStream.nullOutputStream());
                recus.add(pour);
            }
        }));
        serveur.setBindAddress(InetAddress.getLoopbackAddress());
        serveur.setPort(portLibre());
        serveur.start();
        return serveur.getPort();
    }

    private static int portLibre() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Messagerie messagerie(int port) {
        return new Messagerie("127.0.0.1", port, "", "", false, "registre@example.org", 5000);
    }

    private static List<Courriel> courriels(int nombre, String domaine) {
        List<Courriel> c = new ArrayList<>();
        for (int i = 0; i < nombre; i++) {
            c.add(new Courriel("demandeur" + i + "@" + domaine, "Avis " + i, "Texte de l'avis " + i,
                    "<avis-" + i + "." + domaine + "@registre-hub>"));
        }
        return c;
    }

    @Test
    public void lesCourrielsPartentSurToutesLesConnexionsEnMemeTemps() throws Exception {
        AtomicInteger enCours = new AtomicInteger();
        AtomicInteger auPlus = new AtomicInteger();
        AtomicBoolean attenteVaine = new AtomicBoolean();
        Set<String> recus = ConcurrentHashMap.newKeySet();
        int port = demarrer(new CyclicBarrier(3), enCours, auPlus, attenteVaine, recus);
        try (EnvoisParalleles envois = new EnvoisParalleles(messagerie(port), 3)) {
            List<Resultat> r = envois.envoyer(courriels(9, "example.org"));
            assertEquals(9, r.size());
            r.forEach(x -> assertEquals(String.valueOf(x.cause()), Issue.ENVOYE, x.issue()));
        }
        assertFalse("chaque tour du serveur a réuni trois livraisons en même temps", attenteVaine.get());
        assertEquals(3, auPlus.get());
        assertEquals(9, recus.size());
    }

    @Test
    public void uneAdresseRefuseeNArretePasLesAutres() throws Exception {
        Set<String> recus = ConcurrentHashMap.newKeySet();
        int port = demarrer(null, new AtomicInteger(), new AtomicInteger(), new AtomicBoolean(), recus);
        List<Courriel> c = new ArrayList<>(courriels(4, "example.org"));
        c.add(2, new Courriel("personne@refuses.invalid", "Avis", "Texte", "<avis-refuse@registre-hub>"));
        try (EnvoisParalleles envois = new EnvoisParalleles(messagerie(port), 2)) {
            List<Resultat> r = envois.envoyer(c);
            assertEquals(Issue.ADRESSE_REFUSEE, r.get(2).issue());
            assertTrue(r.get(2).cause().getMessage(), r.get(2).cause().getMessage().contains("refusée"));
            for (int i : new int[] {0, 1, 3, 4}) {
                assertEquals(Issue.ENVOYE, r.get(i).issue());
            }
        }
        assertEquals(4, recus.size());
    }

    @Test
    public void unServeurInjoignableLaisseLesCourrielsNonEnvoyesEtDitPourquoi() throws Exception {
        int port = portLibre();
        try (EnvoisParalleles envois = new EnvoisParalleles(messagerie(port), 2)) {
            List<Resultat> r = envois.envoyer(courriels(6, "example.org"));
            assertEquals(6, r.size());
            for (Resultat x : r) {
                assertEquals(Issue.NON_ENVOYE, x.issue());
                assertNotNull(x.cause());
                assertTrue(x.cause().getMessage(), x.cause().getMessage().contains("injoignable"));
            }
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void auMoinsUneConnexion() {
        new EnvoisParalleles(messagerie(25), 0).close();
    }
}
