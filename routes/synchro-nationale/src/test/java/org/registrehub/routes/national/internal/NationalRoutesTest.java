package org.registrehub.routes.national.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.junit.Test;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.national.EtatSynchronisation;
import org.registrehub.api.national.SynchronisationNationale;
import org.registrehub.api.national.TacheNationale;

/**
 * The routes are timers and nothing else: each tick hands the sending and the daily pulls to the national
 * synchronization service, which decides whether there is anything to do; a failure is logged and the next tick
 * tries again, the route stays started.
 */
public class NationalRoutesTest extends CamelTestSupport {

    /** The service as the routes see it: how many ticks of each kind reached it, and failures to throw. */
    static final class SynchronisationObservee implements SynchronisationNationale {
        final AtomicInteger envois = new AtomicInteger();
        final AtomicInteger recuperations = new AtomicInteger();
        final AtomicInteger echecs = new AtomicInteger();

        @Override
        public int envoyerEnAttente() {
            envois.incrementAndGet();
            if (echecs.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RegistreIndisponibleException("base de données injoignable", null);
            }
            return 0;
        }

        @Override
        public void recupererSiEchue() {
            recuperations.incrementAndGet();
        }

        @Override
        public EtatSynchronisation etat() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String executer(TacheNationale tache) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String dernierRapport() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String disponibilite() {
            return "registre national non configuré";
        }
    }

    private final SynchronisationObservee synchronisation = new SynchronisationObservee();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new NationalRoutes(synchronisation);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("envoi.periodeSecondes", "0.02");
        p.setProperty("envoi.delaiSecondes", "0");
        p.setProperty("recuperation.verificationSecondes", "0.02");
        return p;
    }

    @Test
    public void chaqueTopConfieLEnvoiEtLesRecuperationsAuService() {
        await().atMost(Duration.ofSeconds(5)).until(() -> synchronisation.envois.get() >= 3
                && synchronisation.recuperations.get() >= 3);
    }

    @Test
    public void unEchecEstReessayeAuTopSuivant() {
        synchronisation.echecs.set(2);
        int avant = synchronisation.envois.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> synchronisation.echecs.get() == 0
                && synchronisation.envois.get() >= avant + 3);
        assertTrue(context.getRouteController().getRouteStatus("national-envoi").isStarted());
    }
}
