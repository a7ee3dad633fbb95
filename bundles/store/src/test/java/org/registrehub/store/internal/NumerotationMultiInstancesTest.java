package org.registrehub.store.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.EtatSante;
import org.registrehub.api.NumerotationService;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.numbering.internal.NumerotationBaseDeDonnees;
import org.registrehub.testing.TestDatabase;

/**
 * Two hubs sharing one register: each has its own store and its own connections to the same database, and many
 * threads on each allocate numéros for the same territories and months at the same time.
 */
public class NumerotationMultiInstancesTest {

    /** DDD MM YY NNNNNN GGGGG, as DOMAIN.md describes the numéro unique. */
    private static final Pattern FORMAT =
            Pattern.compile("(\\d{2}[0-9AB])(0[1-9]|1[0-2])(\\d{2})(\\d{6})([A-Z0-9]{5})");

    private TestDatabase db;
    private PostgresStore hubA;
    private PostgresStore hubB;

    @Before
    public void setUp() {
        db = TestDatabase.create("registre_numero_test");
        JacksonJsonCodec json = new JacksonJsonCodec();
        hubA = new PostgresStore(db.dataSource(), Map.of("url", db.jdbcUrl()), json, null,
                PostgresStoreTest.config(), Clock.systemUTC());
        await("hubA UP").atMost(Duration.ofSeconds(30)).until(hubA::etat, e -> e.statut() == EtatSante.Statut.UP);
        hubB = new PostgresStore(db.dataSource(), Map.of("url", db.jdbcUrl()), json, null,
                PostgresStoreTest.config(), Clock.systemUTC());
        await("hubB UP").atMost(Duration.ofSeconds(30)).until(hubB::etat, e -> e.statut() == EtatSante.Statut.UP);
    }

    @After
    public void tearDown() {
        for (PostgresStore store : new PostgresStore[] {hubA, hubB}) {
            if (store != null) {
                store.deactivate();
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void concurrentHubsNeverHandOutTheSameNumero() throws Exception {
        List<NumerotationService> hubs = List.of(new NumerotationBaseDeDonnees(hubA),
                new NumerotationBaseDeDonnees(hubB));
        String[][] guichets = {{"44109", "G1104"}, {"44003", "GDPUB"}, {"59350", "G5901"}, {"2A004", "G2001"}};
        LocalDate[] jours = {LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 1)};
        int threadsParHub = 6;
        int parThread = 40;

        Set<String> numeros = ConcurrentHashMap.newKeySet();
        CountDownLatch depart = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threadsParHub * hubs.size());
        List<Future<?>> taches = new ArrayList<>();
        try {
            for (int h = 0; h < hubs.size(); h++) {
                NumerotationService hub = hubs.get(h);
                for (int t = 0; t < threadsParHub; t++) {
                    int graine = h * threadsParHub + t;
                    taches.add(pool.submit(() -> {
                        depart.await();
                        for (int i = 0; i < parThread; i++) {
                            String[] g = guichets[(graine + i) % guichets.length];
                            String numero = hub.attribuer(g[0], g[1], jours[(graine + i / 2) % jours.length]);
                            assertTrue("numéro " + numero + " handed out twice", numeros.add(numero));
                        }
                        return null;
                    }));
                }
            }
            depart.countDown();
            for (Future<?> tache : taches) {
                tache.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int total = hubs.size() * threadsParHub * parThread;
        assertEquals(total, numeros.size());

        // Every numéro has the national layout, and within each territory and month the sequence has no hole
        // and no repeat: 1..n, whichever hub or connection handed each value out.
        Map<String, List<Integer>> sequences = new TreeMap<>();
        for (String numero : numeros) {
            Matcher m = FORMAT.matcher(numero);
            assertTrue("numéro " + numero + " does not follow DDD MM YY NNNNNN GGGGG", m.matches());
            sequences.computeIfAbsent(m.group(1) + "/" + m.group(2) + m.group(3), k -> new ArrayList<>())
                    .add(Integer.parseInt(m.group(4)));
        }
        assertEquals(Set.of("044/1126", "044/1226", "059/1126", "059/1226", "02A/1126", "02A/1226"),
                sequences.keySet());
        for (Map.Entry<String, List<Integer>> sequence : sequences.entrySet()) {
            List<Integer> valeurs = sequence.getValue();
            valeurs.sort(Integer::compare);
            for (int i = 0; i < valeurs.size(); i++) {
                assertEquals("sequence of " + sequence.getKey(), i + 1, (int) valeurs.get(i));
            }
        }

        // The counters live in the database: a numbering service created afresh continues, it never starts again at 1.
        int dejaAttribues = sequences.get("044/1126").size();
        String suivant = new NumerotationBaseDeDonnees(hubB).attribuer("44109", "G1104", jours[0]);
        assertEquals(String.format("0441126%06dG1104", dejaAttribues + 1), suivant);
    }
}
