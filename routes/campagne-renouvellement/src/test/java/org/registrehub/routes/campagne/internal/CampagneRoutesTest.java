package org.registrehub.routes.campagne.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.junit.Test;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Role;
import org.registrehub.api.renouvellement.Apercu;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.AvancementCampagne;
import org.registrehub.api.renouvellement.BilanCampagne;
import org.registrehub.api.renouvellement.CampagneRenouvellement;

/**
 * The route is a scheduler and nothing else: at each tick it asks the campaign service whether today's campaign is
 * due and, only then, runs it as the hub's planner (channel CAMPAGNE); a register that is away is logged and the next
 * tick tries again.
 */
public class CampagneRoutesTest extends CamelTestSupport {

    /** The campaign service as the route sees it: due or not, and what each run met. */
    static final class CampagneObservee implements CampagneRenouvellement {
        final AtomicBoolean echue = new AtomicBoolean();
        final AtomicInteger executions = new AtomicInteger();
        final AtomicInteger indisponibles = new AtomicInteger();
        volatile Contexte contexte;

        @Override
        public boolean echue() {
            return echue.get();
        }

        @Override
        public Optional<BilanCampagne> executer(Contexte c, Consumer<String> progression,
                                                Consumer<AvancementCampagne> avancement) {
            contexte = c;
            if (indisponibles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RegistreIndisponibleException("base de données injoignable", null);
            }
            executions.incrementAndGet();
            echue.set(false);
            return Optional.empty();
        }

        @Override
        public Apercu apercu(LocalDate jour, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<BilanCampagne> rapport(LocalDate jour, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BilanCampagne> rapports(int nombre, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Avis engagerNonReponse(String numeroUnique, String objet, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Avis> avis(String numeroUnique, Contexte c) {
            throw new UnsupportedOperationException();
        }
    }

    private final CampagneObservee campagne = new CampagneObservee();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new CampagneRoutes(campagne);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("campagne.verificationSecondes", "0.02");
        p.setProperty("campagne.delaiDemarrageSecondes", "0");
        return p;
    }

    @Test
    public void laCampagneNeDemarreQueLorsquElleEstEchue() {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> campagne.executions.get() == 0);
        campagne.echue.set(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> campagne.executions.get() == 1);
        // once run, the service says it is no longer due: no second run
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> campagne.executions.get() == 1);
        assertEquals(Canal.CAMPAGNE, campagne.contexte.canal());
        assertTrue(campagne.contexte.identite().roles().contains(Role.ADMIN));
    }

    @Test
    public void unRegistreAbsentEstReessayeAuTopSuivant() {
        campagne.indisponibles.set(2);
        campagne.echue.set(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> campagne.executions.get() == 1);
        assertEquals(0, campagne.indisponibles.get());
        assertTrue(context.getRouteController().getRouteStatus("campagne-renouvellement").isStarted());
    }
}
