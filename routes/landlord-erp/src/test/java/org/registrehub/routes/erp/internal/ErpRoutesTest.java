package org.registrehub.routes.erp.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.junit.Test;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.Statut;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.Identites;
import org.registrehub.testing.RegistreServicePartiel;

/** The ERP route's routing and error handling, with the broker endpoints replaced by in-memory ones. */
public class ErpRoutesTest extends CamelTestSupport {

    private final AtomicInteger appels = new AtomicInteger();

    /** The ERP account: active until the test disables it. */
    private final java.util.concurrent.atomic.AtomicBoolean compteActif = new java.util.concurrent.atomic.AtomicBoolean(
            true);
    private final java.util.List<Contexte> contextes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AuthentificationService comptes = new AuthentificationService() {
        @Override
        public Optional<Identite> authentifier(String identifiant, char[] motDePasse) {
            throw new AssertionError("the route never handles passwords");
        }

        @Override
        public Optional<Identite> identite(String identifiant) {
            return compteActif.get() && "erp.habitat44".equals(identifiant)
                    ? Optional.of(Identites.guichet("erp.habitat44", "HABITAT44", "G4401", "044")) : Optional.empty();
        }
    };

    /** Registers "Martin", rejects "Invalide", and is unavailable for "Panne". */
    private final RegistreService registre = new RegistreServicePartiel() {
        @Override
        public Demande enregistrer(NouvelleDemande d, Contexte contexte) {
            appels.incrementAndGet();
            contextes.add(contexte);
            String nom = d.dossier().demandeur().nom();
            if ("Panne".equals(nom)) {
                throw new RegistreIndisponibleException("PostgreSQL injoignable", null);
            }
            if ("Invalide".equals(nom)) {
                throw new DemandeInvalideException(List.of(new ErreurChamp("dossier.logementRecherche.communes[0]",
                        "format", "4410", "code commune INSEE attendu")));
            }
            return new Demande("0441123000001G1104", Statut.ACTIVE, d.guichet(), "044", LocalDate.of(2023, 11, 2),
                    LocalDate.of(2024, 11, 2), null, null, 0, d.dossier());
        }
    };

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new ErpRoutes(new TraitementMessageErp(registre, new JacksonJsonCodec(), comptes, "erp.habitat44"));
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("erp.demandes.uri", "direct:demandes");
        p.setProperty("erp.reponses.uri", "mock:reponses");
        p.setProperty("erp.dlq.uri", "mock:dlq");
        p.setProperty("erp.redeliveries", "2");
        p.setProperty("erp.redeliveryDelayMs", "10");
        return p;
    }

    private static String message(String messageId, String nom) {
        return "{\"messageId\":\"" + messageId + "\",\"type\":\"enregistrerDemande\",\"versionSchema\":1,"
                + "\"horodatage\":\"2023-11-02T10:15:30Z\",\"demande\":"
                + new JacksonJsonCodec().ecrire(Exemples.nouvelleDemande(nom)) + "}";
    }

    @Test
    public void acceptedDemandIsAnsweredWithItsNumber() throws Exception {
        MockEndpoint reponses = getMockEndpoint("mock:reponses");
        reponses.expectedMessageCount(1);
        reponses.expectedHeaderReceived("JMSCorrelationID", "m-1");
        reponses.expectedHeaderReceived("registreStatut", "ACCEPTE");
        getMockEndpoint("mock:dlq").expectedMessageCount(0);

        template.sendBodyAndHeader("direct:demandes", message("m-1", "Martin"), "JMSReplyTo", "queue://ailleurs");

        assertMockEndpointsSatisfied();
        String body = reponses.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertStringContains(body, "\"correlationId\":\"m-1\"");
        assertStringContains(body, "\"numeroUnique\":\"0441123000001G1104\"");
        assertNull("incoming JMS headers must not leak into the reply",
                reponses.getReceivedExchanges().get(0).getMessage().getHeader("JMSReplyTo"));
    }

    @Test
    public void invalidDemandIsRejectedWithFieldErrorsNotDeadLettered() throws Exception {
        MockEndpoint reponses = getMockEndpoint("mock:reponses");
        reponses.expectedMessageCount(1);
        reponses.expectedHeaderReceived("registreStatut", "REJETE");
        getMockEndpoint("mock:dlq").expectedMessageCount(0);

        template.sendBody("direct:demandes", message("m-2", "Invalide"));

        assertMockEndpointsSatisfied();
        String body = reponses.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        assertStringContains(body, "\"champ\":\"dossier.logementRecherche.communes[0]\"");
        assertStringContains(body, "\"regle\":\"format\"");
    }

    @Test
    public void unreadableMessageGoesToTheDeadLetterQueueAtOnce() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(1);
        dlq.expectedBodiesReceived("{pas du json");
        getMockEndpoint("mock:reponses").expectedMessageCount(0);

        template.sendBody("direct:demandes", "{pas du json");

        assertMockEndpointsSatisfied();
        String motif = dlq.getReceivedExchanges().get(0).getMessage().getHeader(ErpRoutes.HEADER_ERREUR, String.class);
        assertStringContains(motif, "illisible");
        assertEquals(ErpRoutes.ROUTE_ID,
                dlq.getReceivedExchanges().get(0).getMessage().getHeader(ErpRoutes.HEADER_ROUTE));
        assertEquals(0, appels.get());
    }

    @Test
    public void missingMessageIdAndUnknownTypeAreDeadLettered() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(2);
        template.sendBody("direct:demandes", message("", "Martin"));
        template.sendBody("direct:demandes", message("m-3", "Martin").replace("enregistrerDemande", "radierDemande"));
        assertMockEndpointsSatisfied();
        assertStringContains(dlq.getReceivedExchanges().get(0).getMessage().getHeader(ErpRoutes.HEADER_ERREUR,
                String.class), "messageId");
        assertStringContains(dlq.getReceivedExchanges().get(1).getMessage().getHeader(ErpRoutes.HEADER_ERREUR,
                String.class), "radierDemande");
    }

    @Test
    public void unavailableRegisterIsRetriedThenDeadLettered() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(1);
        getMockEndpoint("mock:reponses").expectedMessageCount(0);

        template.sendBody("direct:demandes", message("m-4", "Panne"));

        assertMockEndpointsSatisfied();
        assertEquals("one try plus two redeliveries", 3, appels.get());
        assertStringContains(dlq.getReceivedExchanges().get(0).getMessage().getHeader(ErpRoutes.HEADER_ERREUR,
                String.class), "RegistreIndisponibleException");
    }

    @Test
    public void messagesActAsTheConfiguredAccountAndADisabledAccountKeepsThemInTheDeadLetterQueue() throws Exception {
        getMockEndpoint("mock:reponses").expectedMessageCount(1);
        template.sendBody("direct:demandes", message("m-5", "Martin"));
        assertMockEndpointsSatisfied();
        assertEquals("erp.habitat44", contextes.get(0).acteur());
        assertEquals(org.registrehub.api.Canal.ERP, contextes.get(0).canal());

        compteActif.set(false);
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(1);
        template.sendBody("direct:demandes", message("m-6", "Martin"));
        dlq.assertIsSatisfied();
        assertStringContains(dlq.getReceivedExchanges().get(0).getMessage().getHeader(ErpRoutes.HEADER_ERREUR,
                String.class), "erp.habitat44");
        assertEquals("nothing registered without the account", 1, appels.get());
    }

    @Test
    public void anOversizeMessageGoesToTheDeadLetterQueueUnread() throws Exception {
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(1);
        getMockEndpoint("mock:reponses").expectedMessageCount(0);
        String enorme = message("m-7", "Martin").replace("\"Martin\"", "\"" + "M".repeat(1_100_000) + "\"");
        template.sendBody("direct:demandes", enorme);
        assertMockEndpointsSatisfied();
        assertStringContains(dlq.getReceivedExchanges().get(0).getMessage().getHeader(ErpRoutes.HEADER_ERREUR,
                String.class), "message trop volumineux");
        assertEquals("nothing registered", 0, appels.get());
    }
}
