package org.registrehub.attribution.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import javax.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.AttributionService;
import org.registrehub.api.Contact;
import org.registrehub.api.DecisionCal;
import org.registrehub.api.DecisionCommission;
import org.registrehub.api.Dossier;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Typologie;
import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.BilanNotifications;
import org.registrehub.api.attribution.CandidatDesigne;
import org.registrehub.api.attribution.Commission;
import org.registrehub.api.attribution.DecisionCandidat;
import org.registrehub.api.attribution.DeclarationLogement;
import org.registrehub.api.attribution.Designation;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.NotificationCandidat;
import org.registrehub.api.attribution.PlanCommission;
import org.registrehub.api.attribution.Reservataire;
import org.registrehub.api.attribution.TypeReservataire;
import org.registrehub.campagne.internal.Messagerie;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.registre.RegistreJetable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The applicant's notifications on PostgreSQL with the real register, the hub's SMTP client and GreenMail's SMTP
 * server: a proposal and a decision told once each, by e-mail when the demand has an address, by a letter in the
 * day's PDF batch otherwise or when the address is refused; whichever channel recorded them (the commission, an ERP's
 * decisionCal); nothing sent twice by two senders at once; an SMTP server away leaves them waiting; audited.
 */
public class NotificationsPostgresTest {

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_notifications");
    @Rule
    public final TemporaryFolder dossier = new TemporaryFolder();

    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-01T08:00:00Z"));
    private GreenMail smtp;
    private AttributionPostgres store;
    private AttributionService suivi;
    private LogementsServiceImpl logements;
    private CandidaturesServiceImpl candidatures;
    private CommissionServiceImpl commissions;
    private NotificationsServiceImpl notifications;
    private Path courriers;
    private final List<String> numeros = new ArrayList<>();
    private String a;
    private Messagerie lie;

    @Before
    public void setUp() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        RegistreService registre = base.base().registre(horloge);
        suivi = base.base().attribution(registre, horloge);
        store = new AttributionPostgres(base.base().base(), new org.registrehub.json.internal.JacksonJsonCodec());
        logements = new LogementsServiceImpl(store, horloge);
        candidatures = new CandidaturesServiceImpl(logements, store, horloge);
        commissions = new CommissionServiceImpl(logements, candidatures, store, horloge);
        courriers = dossier.newFolder("courriers").toPath();
        notifications = new NotificationsServiceImpl(store, horloge).dossierCourriers(courriers);
        lie = messagerie();
        notifications.lierMessagerie(lie);
        // 0: an address; 1: an address the SMTP client refuses; 2 and 3: none
        String[] adresses = {"amina.diallo@example.org", "jean(dupont@example.org", null, null};
        Random r = new Random(7);
        for (int n = 0; n < adresses.length; n++) {
            Dossier d = TerritoireGenere.dossier(r, n, LocalDate.now());
            Contact c = d.contact();
            d = new Dossier(d.demandeur(), d.coDemandeur(), d.personnesACharge(), new Contact(c.adresse(),
                    c.codePostal(), c.ville(), c.telephone(), adresses[n]), d.situationFamiliale(), d.ressources(),
                    d.revenuFiscal(), d.logementActuel(), d.motifs(), d.logementRecherche(), d.handicap());
            numeros.add(registre.enregistrer(new NouvelleDemande("G1104", d), RapprochementPostgresTest.GESTIONNAIRE)
                    .numeroUnique());
        }
        a = logement("RPLS441090700");
        candidatures.designer(a, new Designation(List.of(new CandidatDesigne(numeros.get(0), 1),
                new CandidatDesigne(numeros.get(1), 2), new CandidatDesigne(numeros.get(2), 3)), null, null),
                RapprochementPostgresTest.NMH);
    }

    @After
    public void tearDown() {
        smtp.stop();
    }

    private Messagerie messagerie() {
        return new Messagerie("127.0.0.1", smtp.getSmtp().getPort(), "", "", false, "registre@example.org", 5000);
    }

    private String logement(String rpls) {
        return logements.declarer(new DeclarationLogement(rpls, null, "6 rue Kervégan", "44109", Typologie.T3,
                new BigDecimal("66"), 1, false, Accessibilite.NON, new BigDecimal("455.20"), new BigDecimal("64.80"),
                Financement.PLUS, new Reservataire(TypeReservataire.BAILLEUR, "NMH"), LocalDate.of(2027, 1, 10)),
                RapprochementPostgresTest.NMH).identifiantRpls();
    }

    private long count(String sql) {
        return base.db().count(sql);
    }

    private static String texte(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(new File(pdf.toString()))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int pages(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(new File(pdf.toString()))) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    public void lesPropositionsPartentUneFoisParCourrielOuParCourrier() throws Exception {
        assertEquals("three proposals written with the designation", 3, count("select count(*) from"
                + " notification_candidature where nature = 'PROPOSITION' and etat = 'A_ENVOYER'"));
        BilanNotifications bilan = notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(1, bilan.courriels());
        assertEquals(2, bilan.courriers());
        assertEquals(0, bilan.restantes());
        assertNull(bilan.observation());

        MimeMessage[] recus = smtp.getReceivedMessages();
        assertEquals(1, recus.length);
        assertEquals("amina.diallo@example.org", recus[0].getAllRecipients()[0].toString());
        assertTrue(recus[0].getSubject(), recus[0].getSubject().contains(numeros.get(0))
                && recus[0].getSubject().contains("un logement vous est proposé"));
        String corps = String.valueOf(recus[0].getContent());
        assertTrue(corps, corps.contains("6 rue Kervégan") && corps.contains("rang 1") && corps.contains("455.20"));

        // the day's batch: one letter per applicant without a usable address, the refused one with its reason
        Path lot = courriers.resolve(bilan.lot());
        assertTrue(bilan.lot(), bilan.lot().matches("courriers-candidats-\\d{8}-\\d{6}\\.pdf"));
        assertEquals(2, pages(lot));
        String lettres = texte(lot);
        assertTrue(lettres, lettres.contains(numeros.get(1)) && lettres.contains(numeros.get(2))
                && !lettres.contains(numeros.get(0)));
        assertTrue(lettres, lettres.contains("44000 Nantes"));
        List<NotificationCandidat> refusee = notifications.notifications(numeros.get(1),
                RapprochementPostgresTest.NMH);
        assertEquals("COURRIER", refusee.get(0).canal());
        assertTrue(refusee.get(0).observation(), refusee.get(0).observation().contains("jean(dupont@example.org"));
        assertEquals(bilan.lot(), refusee.get(0).lot());
        assertEquals(3, count("select count(*) from audit where operation = 'NOTIFICATION'"));

        // sent once: a second sending finds nothing
        BilanNotifications encore = notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(0, encore.courriels() + encore.courriers());
        assertNull(encore.lot());
        assertEquals(1, smtp.getReceivedMessages().length);
        try (var fichiers = Files.list(courriers)) {
            assertEquals(1, fichiers.count());
        }
    }

    @Test
    public void lesDecisionsDeLaCommissionEtDunErpSontDitesAuDemandeur() throws Exception {
        notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE);
        Commission c = commissions.planifier(new PlanCommission(null, LocalDate.of(2026, 12, 17), "siège de NMH",
                List.of(a)), RapprochementPostgresTest.NMH);
        commissions.decider(c.id(), a, List.of(
                new DecisionCandidat(numeros.get(0), DecisionCal.ATTRIBUTION_PAR_CLASSEMENT, 2, null, null, null),
                new DecisionCandidat(numeros.get(1), DecisionCal.ATTRIBUTION, null, null, null, null),
                new DecisionCandidat(numeros.get(2), DecisionCal.NON_ATTRIBUTION, null, "taux d'effort trop élevé",
                        null, null)), RapprochementPostgresTest.NMH);
        // a second dwelling whose decision comes by an ERP message
        String b = logement("RPLS441090701");
        candidatures.designer(b, new Designation(List.of(new CandidatDesigne(numeros.get(3), 1)),
                org.registrehub.api.attribution.MotifMoinsDeTrois.DEMANDE_INSUFFISANTE, null),
                RapprochementPostgresTest.NMH);
        suivi.deciderCal(new DecisionCommission(numeros.get(3), b, LocalDate.of(2026, 11, 30),
                DecisionCal.NON_ATTRIBUTION, null, null, null, "logement inadapté"), RapprochementPostgresTest.NMH);

        BilanNotifications bilan = notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(1, bilan.courriels());
        assertEquals("the decisions of 1, 2, the proposal and the decision of 3", 4, bilan.courriers());
        MimeMessage decision = smtp.getReceivedMessages()[1];
        assertTrue(decision.getSubject(), decision.getSubject().contains("décision de la commission"));
        assertTrue(String.valueOf(decision.getContent()).contains("attribution par classement, au rang 2"));
        String lettres = texte(courriers.resolve(bilan.lot()));
        assertTrue(lettres, lettres.contains("non-attribution, pour le motif suivant : taux d'effort trop élevé"));
        assertTrue(lettres, lettres.contains("logement inadapté"));
        assertEquals(List.of("PROPOSITION", "DECISION"), notifications.notifications(numeros.get(3),
                RapprochementPostgresTest.GESTIONNAIRE).stream().map(NotificationCandidat::nature).toList());
        assertEquals(0, count("select count(*) from notification_candidature where etat = 'A_ENVOYER'"));
    }

    @Test
    public void unServeurAbsentLaisseLesCourrielsEnAttenteSansRienPerdre() {
        smtp.stop();
        BilanNotifications bilan = notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(0, bilan.courriels());
        assertNotNull(bilan.observation());
        assertTrue(bilan.observation(), bilan.observation().contains("injoignable"));
        assertEquals(1, bilan.courriers());
        assertEquals("the e-mails wait, the refused address with them; the letter went", 2, bilan.restantes());
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        notifications.lierMessagerie(messagerie());
        BilanNotifications ensuite = notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(1, ensuite.courriels());
        assertEquals(1, ensuite.courriers());
        assertEquals(0, ensuite.restantes());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    public void sansMessagerieToutPartParCourrier() {
        notifications.delierMessagerie(lie);
        BilanNotifications bilan = notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(0, bilan.courriels());
        assertEquals(3, bilan.courriers());
        assertEquals(0, smtp.getReceivedMessages().length);
        assertEquals(NotificationsServiceImpl.SANS_SERVEUR, notifications.notifications(numeros.get(0),
                RapprochementPostgresTest.NMH).get(0).observation());
    }


    @Test
    public void deuxEnvoisSimultanesNEnvoientRienDeuxFois() throws Exception {
        // twelve more proposals, half by e-mail
        for (int i = 0; i < 4; i++) {
            String l = logement("RPLS44109080" + i);
            candidatures.designer(l, new Designation(List.of(new CandidatDesigne(numeros.get(0), 1),
                    new CandidatDesigne(numeros.get(3), 2), new CandidatDesigne(numeros.get(2), 3)), null, null),
                    RapprochementPostgresTest.NMH);
        }
        NotificationsServiceImpl autreNoeud = new NotificationsServiceImpl(store, horloge).dossierCourriers(courriers);
        autreNoeud.lierMessagerie(messagerie());
        CompletableFuture<BilanNotifications> un = CompletableFuture.supplyAsync(
                () -> notifications.envoyer(RapprochementPostgresTest.GESTIONNAIRE));
        CompletableFuture<BilanNotifications> deux = CompletableFuture.supplyAsync(
                () -> autreNoeud.envoyer(RapprochementPostgresTest.GESTIONNAIRE));
        BilanNotifications b1 = un.get();
        BilanNotifications b2 = deux.get();
        assertEquals(5, b1.courriels() + b2.courriels());
        assertEquals(10, b1.courriers() + b2.courriers());
        assertEquals(5, smtp.getReceivedMessages().length);
        assertEquals(15, count("select count(*) from audit where operation = 'NOTIFICATION'"));
        assertEquals(15, count("select count(distinct numero_unique || details) from audit"
                + " where operation = 'NOTIFICATION'"));
    }

    @Test
    public void lesCandidaturesOntLeursEvenementsDansLOutboxSelonLeurSchema() throws Exception {
        Commission c = commissions.planifier(new PlanCommission(null, LocalDate.of(2026, 12, 17), "siège de NMH",
                List.of(a)), RapprochementPostgresTest.NMH);
        commissions.decider(c.id(), a, List.of(
                new DecisionCandidat(numeros.get(0), DecisionCal.ATTRIBUTION, null, null, null, null),
                new DecisionCandidat(numeros.get(1), DecisionCal.ATTRIBUTION_PAR_CLASSEMENT, 2, null, null, null),
                new DecisionCandidat(numeros.get(2), DecisionCal.NON_ATTRIBUTION, null, "taux d'effort trop élevé",
                        null, null)), RapprochementPostgresTest.NMH);
        assertEquals(3, count("select count(*) from outbox where type = 'candidatureDesignee'"));
        assertEquals(3, count("select count(*) from outbox where type = 'candidatureChangee'"));
        assertEquals("NON_ATTRIBUEE", base.db().text("select contenu->'candidature'->>'statut' from outbox"
                + " where type = 'candidatureChangee' and numero_unique = '" + numeros.get(2) + "'"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.networknt.schema.JsonSchema schema = org.registrehub.testing.SchemasDocumentes.evenement();
        try (var cx = base.db().connect(); var st = cx.createStatement();
             var rs = st.executeQuery("select contenu::text from outbox where type like 'candidature%'")) {
            int lus = 0;
            while (rs.next()) {
                var erreurs = schema.validate(json.readTree(rs.getString(1)));
                assertTrue(rs.getString(1) + " : " + erreurs, erreurs.isEmpty());
                lus++;
            }
            assertEquals(6, lus);
        }
        // a wrong document is refused by the same schema (the check is not empty)
        assertTrue(!schema.validate(json.readTree("{\"versionSchema\":1,\"type\":\"candidatureChangee\"}"))
                .isEmpty());
    }

    @Test
    public void droits() {
        assertThrows(AccesRefuseException.class, () -> notifications.envoyer(RapprochementPostgresTest.NMH));
        assertThrows(AccesRefuseException.class, () -> notifications.notifications(numeros.get(0),
                RapprochementPostgresTest.GESTIONNAIRE_85));
        assertThrows(AccesRefuseException.class, () -> notifications.notifications(numeros.get(0),
                RapprochementPostgresTest.OBSERVATEUR));
        assertEquals(1, notifications.notifications(numeros.get(0), RapprochementPostgresTest.GUICHET).size());
        assertEquals(1, count("select count(*) from audit where operation = 'CONSULTATION_NOTIFICATIONS'"));
    }
}
