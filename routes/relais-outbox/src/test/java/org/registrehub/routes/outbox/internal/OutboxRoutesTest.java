package org.registrehub.routes.outbox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.junit.Test;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.registre.EvenementsAPublier;

/**
 * The relay's contract with the outbox: events leave the outbox only when the broker took them, in order, and an
 * outage leaves them pending and shows DOWN.
 */
public class OutboxRoutesTest extends CamelTestSupport {

    /** In-memory outbox with the same contract as the PostgreSQL one (all-or-nothing per batch). */
    static final class OutboxMemoire implements EvenementsAPublier {
        final List<EvenementDemande> enAttente = new ArrayList<>();

        @Override
        public synchronized int relayer(int max, Consumer<EvenementDemande> publication, Runnable avantValidation) {
            List<EvenementDemande> lot = new ArrayList<>(enAttente.subList(0, Math.min(max, enAttente.size())));
            lot.forEach(publication);
            if (!lot.isEmpty()) {
                avantValidation.run();
            }
            enAttente.removeAll(lot);
            return lot.size();
        }

        @Override
        public synchronized long enAttente() {
            return enAttente.size();
        }
    }

    private final OutboxMemoire outbox = new OutboxMemoire();
    private final RelaisOutbox relais = new RelaisOutbox(outbox, 2, 1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OutboxRoutes(relais);
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("outbox.destination.uri", "mock:broker");
        p.setProperty("outbox.bailleurs.prefixe", "registre.erp");
        p.setProperty("outbox.periodeSecondes", "0.05");
        p.setProperty("outbox.delaiSecondes", "0");
        return p;
    }

    private void ajouter(int n) {
        synchronized (outbox) {
            for (int i = 0; i < n; i++) {
                outbox.enAttente.add(new EvenementDemande(UUID.randomUUID(), EvenementDemande.DEMANDE_ENREGISTREE,
                        String.format("0441123%06dG1104", i + 1), Instant.now(), "{\"n\":" + i + "}"));
            }
        }
    }

    @Test
    public void publishesEveryPendingEventInOrderWithItsHeaders() throws Exception {
        MockEndpoint broker = getMockEndpoint("mock:broker");
        broker.expectedBodiesReceived("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
        broker.message(0).header("registreNumeroUnique").isEqualTo("0441123000001G1104");
        broker.message(0).header("_AMQ_DUPL_ID").isNotNull();
        broker.message(0).header("registreType").isEqualTo("demandeEnregistree");
        ajouter(5);
        context.start();
        assertMockEndpointsSatisfied();
        assertEquals(0, outbox.enAttente());
        org.awaitility.Awaitility.await("relais UP").atMost(Duration.ofSeconds(5))
                .until(relais::etat, e -> e.statut() == EtatSante.Statut.UP);
    }

    @Test
    public void eachEventAlsoGoesToTheEventQueueOfEachOfItsLandlordsWithItsOwnDuplicateId() throws Exception {
        AdviceWith.adviceWith(context, "outbox-bailleur", a -> a.weaveByToUri("amqp:*").replace()
                .to("mock:bailleurs"));
        UUID id = UUID.randomUUID();
        synchronized (outbox) {
            outbox.enAttente.add(new EvenementDemande(id, "demandeRadiee", "0441123000001G1104", Instant.now(),
                    "{\"n\":0}", List.of("ATLANTIQUE", "NMH")));
            outbox.enAttente.add(new EvenementDemande(UUID.randomUUID(), "demandeModifiee", "0591123000001G5901",
                    Instant.now(), "{\"n\":1}"));
        }
        MockEndpoint broker = getMockEndpoint("mock:broker");
        broker.expectedBodiesReceived("{\"n\":0}", "{\"n\":1}");
        MockEndpoint bailleurs = getMockEndpoint("mock:bailleurs");
        bailleurs.expectedBodiesReceived("{\"n\":0}", "{\"n\":0}");
        bailleurs.expectedHeaderValuesReceivedInAnyOrder(RelaisOutbox.HEADER_BAILLEUR, "ATLANTIQUE", "NMH");
        bailleurs.expectedHeaderValuesReceivedInAnyOrder("_AMQ_DUPL_ID", id + ":ATLANTIQUE", id + ":NMH");
        context.start();
        MockEndpoint.assertIsSatisfied(context);
        assertEquals(id.toString(), broker.getExchanges().get(0).getIn().getHeader("_AMQ_DUPL_ID"));
    }

    @Test
    public void aBatchIsCommittedOnTheBrokerBeforeItIsMarkedAndStaysPendingWhenTheCommitFails() throws Exception {
        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        relais.setTransactions(transactionsJournalisees(journal,
                new org.springframework.transaction.TransactionSystemException("broker perdu au commit")));
        ajouter(3);
        MockEndpoint broker = getMockEndpoint("mock:broker");
        broker.expectedMinimumMessageCount(5); // 2 sent in the failed batch, then 2 + 1
        context.start();
        MockEndpoint.assertIsSatisfied(context);
        org.awaitility.Awaitility.await("outbox drained").atMost(Duration.ofSeconds(20))
                .until(() -> outbox.enAttente(), v -> v == 0);
        assertEquals("the failed batch stayed pending (3 waiting at its commit), then 2 batches of 2 and 1",
                List.of("debut", "commit:3", "debut", "commit:3", "debut", "commit:1"), journal.subList(0, 6));
        assertEquals(EtatSante.Statut.UP, relais.etat().statut());
    }

    @Test
    public void brokerOutageKeepsEventsAndRecovers() throws Exception {
        AdviceWith.adviceWith(context, "outbox-publication", a -> a.weaveAddFirst().process(e -> {
            if (e.getContext().getRegistry().lookupByName("panne") != null) {
                throw new IllegalStateException("broker injoignable (simulé)");
            }
        }));
        context.getRegistry().bind("panne", Boolean.TRUE);
        context.start();
        ajouter(3);
        org.awaitility.Awaitility.await("relais DOWN").atMost(Duration.ofSeconds(5))
                .until(relais::etat, e -> e.statut() == EtatSante.Statut.DOWN);
        assertEquals(3, outbox.enAttente());
        assertStringContains(relais.etat().message(), "broker injoignable");

        MockEndpoint broker = getMockEndpoint("mock:broker");
        broker.expectedMessageCount(3);
        context.getRegistry().unbind("panne");
        assertMockEndpointsSatisfied();
        org.awaitility.Awaitility.await("outbox drained").atMost(Duration.ofSeconds(5))
                .until(() -> outbox.enAttente(), v -> v == 0);
        assertEquals(EtatSante.Statut.UP, relais.etat().statut());
    }

    /**
     * A hub killed between the broker's commit of a batch and the database's marking of it publishes the batch again
     * at its restart: in a transaction the broker refuses the whole batch for its duplicates (every time), so the
     * relay sends that batch again message by message, outside a transaction, and skips what the broker refuses as
     * duplicates; then the following batches go in transactions again.
     */
    @Test
    public void aBatchTheBrokerAlreadyHasIsSentAgainMessageByMessageSkippingItsDuplicates() throws Exception {
        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        relais.setTransactions(transactionsJournalisees(journal,
                new org.springframework.transaction.TransactionSystemException("Commit failed",
                        new IllegalStateException("AMQ229? Duplicate message detected - message will not be routed"))));
        ajouter(3);
        MockEndpoint broker = getMockEndpoint("mock:broker");
        // outside the transaction, the broker refuses the first event again (it has it), takes the second
        broker.whenExchangeReceived(3, e -> {
            throw new IllegalStateException("Duplicate message detected - message will not be routed");
        });
        broker.expectedBodiesReceived("{\"n\":0}", "{\"n\":1}", "{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
        context.start();
        MockEndpoint.assertIsSatisfied(context);
        org.awaitility.Awaitility.await("outbox drained").atMost(Duration.ofSeconds(20))
                .until(() -> outbox.enAttente(), v -> v == 0);
        assertEquals("the refused batch (3 waiting at its commit) sent again outside a transaction (no transaction"
                + " begun for it), then the last event in a transaction of its own",
                List.of("debut", "commit:3", "debut", "commit:1"), journal.subList(0, 4));
        assertEquals(EtatSante.Statut.UP, relais.etat().statut());
    }

    /**
     * A broker transaction manager that writes what happens in {@code journal} ({@code debut}, {@code commit:<events
     * still pending>}, {@code rollback}) and whose first commit fails with {@code refus}.
     */
    private org.springframework.transaction.PlatformTransactionManager transactionsJournalisees(List<String> journal,
            RuntimeException refus) {
        java.util.concurrent.atomic.AtomicBoolean refuser = new java.util.concurrent.atomic.AtomicBoolean(true);
        return new org.springframework.transaction.support.AbstractPlatformTransactionManager() {
            private static final long serialVersionUID = 1L;

            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition d) {
                journal.add("debut");
            }

            @Override
            protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
                journal.add("commit:" + outbox.enAttente());
                if (refuser.getAndSet(false)) {
                    throw refus;
                }
            }

            @Override
            protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus status) {
                journal.add("rollback");
            }
        };
    }
}
