package org.registrehub.itests.registre;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.numerotation.spi.CompteurStore;
import org.registrehub.testing.registre.RegistreJetable;

/** The numbering counters (bundle registre-numerotation) on a real, throw-away PostgreSQL. */
public class CompteursPostgresTest {

    @Rule
    public final RegistreJetable registre = new RegistreJetable("registre_compteurs");
    private CompteurStore compteurs;

    @Before
    public void setUp() {
        compteurs = registre.base().compteurs();
    }

    @Test
    public void unCompteurReleveParUnNumeroExterieurNeLeRedonneJamaisEtNeReculeJamais() {
        assertEquals(1, compteurs.suivant("044", "1226"));
        compteurs.atteindre("044", "1226", 42);
        assertEquals(43, compteurs.suivant("044", "1226"));
        compteurs.atteindre("044", "1226", 10);
        assertEquals(44, compteurs.suivant("044", "1226"));
        compteurs.atteindre("085", "1226", 7);
        assertEquals(8, compteurs.suivant("085", "1226"));
        // a batch reserves consecutive values
        assertEquals(54, compteurs.reserver("044", "1226", 10));
        assertEquals(55, compteurs.suivant("044", "1226"));
        assertEquals(3, compteurs.reserver("085", "0318", 3));
    }

    @Test
    public void unCompteurNeDonneJamaisDeuxFoisLaMemeValeurEntreConnexions() throws Exception {
        int threads = 8;
        int perThread = 50;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        assertTrue("duplicate counter value", seen.add(compteurs.suivant("044", "1123")));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, seen.size());
        assertEquals(1L, (long) seen.stream().min(Long::compare).orElseThrow());
        assertEquals((long) threads * perThread, (long) seen.stream().max(Long::compare).orElseThrow());
        assertEquals(1, compteurs.suivant("059", "1123"));
    }
}
