package org.registrehub.routes.attribution.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.junit.Test;
import org.registrehub.api.Contexte;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.acces.Role;
import org.registrehub.api.attribution.CotationDemande;
import org.registrehub.api.attribution.CotationService;
import org.registrehub.api.attribution.CritereCotation;
import org.registrehub.api.attribution.GrilleCotation;
import org.registrehub.api.attribution.BilanNotifications;
import org.registrehub.api.attribution.NotificationCandidat;
import org.registrehub.api.attribution.NotificationsService;

/**
 * The routes are schedulers and nothing else: at each tick one asks the cotation service whether the daily update is
 * due and, only then, runs it as the hub's planner, the other has the notifications sent; a register that is away is
 * logged and the next tick tries again.
 */
public class AttributionRoutesTest extends CamelTestSupport {

    /** The cotation service as the route sees it. */
    static final class CotationObservee implements CotationService {
        final AtomicBoolean echue = new AtomicBoolean();
        final AtomicInteger executions = new AtomicInteger();
        final AtomicInteger indisponibles = new AtomicInteger();
        volatile Contexte contexte;

        @Override
        public boolean echue() {
            return echue.get();
        }

        @Override
        public long mettreAJour(Contexte c) {
            contexte = c;
            if (indisponibles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RegistreIndisponibleException("base de données injoignable", null);
            }
            executions.incrementAndGet();
            echue.set(false);
            return 3;
        }

        @Override
        public GrilleCotation definirGrille(String territoire, List<CritereCotation> criteres, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<GrilleCotation> grille(String territoire, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<GrilleCotation> versions(String territoire, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CotationDemande cotation(String numeroUnique, Contexte c) {
            throw new UnsupportedOperationException();
        }
    }

    /** The notifications service as the route sees it. */
    static final class NotificationsObservees implements NotificationsService {
        final AtomicInteger envois = new AtomicInteger();
        final AtomicInteger indisponibles = new AtomicInteger();
        volatile Contexte contexte;

        @Override
        public BilanNotifications envoyer(Contexte c) {
            contexte = c;
            if (indisponibles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RegistreIndisponibleException("base de données injoignable", null);
            }
            envois.incrementAndGet();
            return new BilanNotifications(0, 0, null, 0, null);
        }

        @Override
        public List<NotificationCandidat> notifications(String numeroUnique, Contexte c) {
            throw new UnsupportedOperationException();
        }
    }

    private final CotationObservee cotation = new CotationObservee();
    private final NotificationsObservees notifications = new NotificationsObservees();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new AttributionRoutes(cotation, notifications);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("cotation.verificationSecondes", "0.02");
        p.setProperty("cotation.delaiDemarrageSecondes", "0");
        p.setProperty("notification.periodeSecondes", "0.02");
        return p;
    }

    @Test
    public void laMiseAJourNeSeFaitQueLorsquElleEstEchue() {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> cotation.executions.get() == 0);
        cotation.echue.set(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> cotation.executions.get() == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> cotation.executions.get() == 1);
        assertTrue(cotation.contexte.identite().roles().contains(Role.ADMIN));
        assertEquals("cotation:planificateur", cotation.contexte.acteur());
    }

    @Test
    public void unRegistreAbsentEstReessayeAuTopSuivant() {
        cotation.indisponibles.set(2);
        cotation.echue.set(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> cotation.executions.get() == 1);
        assertEquals(0, cotation.indisponibles.get());
        assertTrue(context.getRouteController().getRouteStatus("cotation-mise-a-jour").isStarted());
    }

    @Test
    public void lesNotificationsPartentATousLesTopsEtSurviventAUnRegistreAbsent() {
        notifications.indisponibles.set(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.envois.get() >= 3);
        assertEquals(0, notifications.indisponibles.get());
        assertEquals("notification:planificateur", notifications.contexte.acteur());
        assertTrue(notifications.contexte.identite().roles().contains(Role.ADMIN));
        assertTrue(context.getRouteController().getRouteStatus("notification-candidats").isStarted());
    }
}
