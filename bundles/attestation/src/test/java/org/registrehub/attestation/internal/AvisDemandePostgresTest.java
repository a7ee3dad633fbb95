package org.registrehub.attestation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import javax.mail.Multipart;
import javax.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.registrehub.api.AvisDemandeService;
import org.registrehub.api.Canal;
import org.registrehub.api.Contact;
import org.registrehub.api.Contexte;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.campagne.internal.Messagerie;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.Identites;
import org.registrehub.testing.registre.RegistreJetable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The notices to the applicant on PostgreSQL with the real register, the hub's SMTP client and GreenMail: the
 * attestation the day of the registration, by e-mail with the PDF attached or by letter; the radiation with its
 * reason; whatever the channel; once each, even when two senders run at once; none for a reprise.
 */
public class AvisDemandePostgresTest {

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_avis");
    @Rule
    public final TemporaryFolder dossier = new TemporaryFolder();

    private static final Contexte GUICHET = new Contexte(Identites.guichet44(), Canal.SOAP);
    private static final Contexte ADMIN = new Contexte(Identites.admin(), Canal.CONSOLE);
    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-01T08:00:00Z"));
    private GreenMail smtp;
    private RegistreService registre;
    private AvisDemandeServiceImpl avis;
    private Path courriers;

    @Before
    public void setUp() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        registre = base.base().registre(horloge);
        AttestationPdf pdf = new AttestationPdf(registre, t -> List.of("G1104"), "DDETS de Loire-Atlantique", horloge);
        courriers = dossier.newFolder("avis").toPath();
        avis = new AvisDemandeServiceImpl(base.base().base(), base.base().demandes()::trouver, t -> List.of("G1104"),
                pdf, horloge, 2, courriers);
        avis.lierMessagerie(new Messagerie("127.0.0.1", smtp.getSmtp().getPort(), "", "", false,
                "registre@example.org", 5000));
    }

    @After
    public void tearDown() {
        smtp.stop();
    }

    private String enregistrer(String nom, String email) {
        Dossier d = Exemples.dossier(nom);
        Contact c = d.contact();
        d = new Dossier(new org.registrehub.api.Personne(nom, "Léa", LocalDate.of(1991, 3, 2), "Nantes",
                org.registrehub.api.Sexe.F, "française", null, org.registrehub.api.SituationProfessionnelle.CDI, null),
                d.coDemandeur(), d.personnesACharge(), new Contact(c.adresse(), c.codePostal(), c.ville(),
                c.telephone(), email), d.situationFamiliale(), d.ressources(), d.revenuFiscal(), d.logementActuel(),
                d.motifs(), d.logementRecherche(), d.handicap());
        return registre.enregistrer(new NouvelleDemande("G1104", d), GUICHET).numeroUnique();
    }

    private static String texte(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    public void lAttestationPartLeJourDeLEnregistrementParCourrielOuParCourrier() throws Exception {
        String a = enregistrer("Diallo", "amina.diallo@example.org");
        String b = enregistrer("Le Goff", "lea.legoff@example.org");
        String c = enregistrer("Martin", null);
        assertEquals(3, base.db().count("SELECT count(*) FROM avis_demande WHERE nature = 'ENREGISTREMENT'"));
        AvisDemandeService.Bilan bilan = avis.envoyer(ADMIN);
        assertEquals(2, bilan.courriels());
        assertEquals(1, bilan.courriers());
        assertEquals(0, bilan.restants());
        MimeMessage m = smtp.getReceivedMessagesForDomain("amina.diallo@example.org")[0];
        assertEquals("Attestation d'enregistrement de votre demande de logement social " + a, m.getSubject());
        Multipart parties = (Multipart) m.getContent();
        assertTrue(parties.getBodyPart(0).getContent().toString().contains("numéro unique " + a));
        assertEquals("attestation-" + a + ".pdf", parties.getBodyPart(1).getFileName());
        byte[] joint = parties.getBodyPart(1).getInputStream().readAllBytes();
        assertTrue(texte(joint).contains("Attestation d'enregistrement"));
        assertEquals(1, smtp.getReceivedMessagesForDomain("lea.legoff@example.org").length);
        // the one without an address: its attestation in the day's batch of letters
        try (Stream<Path> s = Files.list(courriers)) {
            List<Path> lots = s.toList();
            assertEquals(1, lots.size());
            assertTrue(lots.get(0).getFileName().toString(), lots.get(0).getFileName().toString()
                    .matches("avis-demandeurs-[0-9]{8}-[0-9]{6}\\.pdf"));
            assertTrue(texte(Files.readAllBytes(lots.get(0))).contains(AttestationPdf.groupe(c)));
        }
        // once: a second run sends nothing
        AvisDemandeService.Bilan second = avis.envoyer(ADMIN);
        assertEquals(0, second.courriels() + second.courriers());
        assertEquals(3, base.db().count("SELECT count(*) FROM audit WHERE operation = 'AVIS_DEMANDEUR'"));
        // the hub's own reads to write to its applicants are not a person's consultation
        assertEquals(0, base.db().count("SELECT count(*) FROM audit WHERE operation = 'CONSULTATION'"));
        assertEquals(b.length(), a.length());
    }

    @Test
    public void laRadiationEstNotifieeAvecSonMotifQuelQueSoitLeCanal() throws Exception {
        String a = enregistrer("Diallo", "amina.diallo@example.org");
        avis.envoyer(ADMIN);
        var d = registre.consulter(a, GUICHET).orElseThrow();
        registre.radier(a, d.version(), new DemandeRadiation(MotifRadiation.ABANDON, null, null,
                "courrier du 28 novembre"), new Contexte(Identites.guichet44(), Canal.ERP));
        assertEquals(1, base.db().count("SELECT count(*) FROM avis_demande WHERE nature = 'RADIATION' AND motif ="
                + " 'ABANDON' AND canal = 'EMAIL'"));
        assertEquals(1, avis.envoyer(ADMIN).courriels());
        MimeMessage[] recus = smtp.getReceivedMessagesForDomain("amina.diallo@example.org");
        MimeMessage m = recus[recus.length - 1];
        assertEquals("Radiation de votre demande de logement social " + a, m.getSubject());
        String texte = m.getContent().toString();
        assertTrue(texte, texte.contains("Motif : renoncement du demandeur"));
        assertTrue(texte, texte.contains("Précision : courrier du 28 novembre"));
    }

    @Test
    public void unSmtpAbsentLaisseLesCourrielsEnAttenteEtUneRepriseNaPasDAvis() throws Exception {
        smtp.stop();
        String a = enregistrer("Diallo", "amina.diallo@example.org");
        AvisDemandeService.Bilan bilan = avis.envoyer(ADMIN);
        assertEquals(0, bilan.courriels());
        assertEquals(1, bilan.restants());
        assertTrue(bilan.arret(), bilan.arret() != null);
        assertEquals(1, base.db().count("SELECT count(*) FROM avis_demande WHERE numero_unique = '" + a
                + "' AND etat = 'A_ENVOYER'"));
        // a demand taken over from a departmental file (canal IMPORT) had its attestation there
        base.db().execute("INSERT INTO demande_historique (numero_unique, version, horodatage, operation, acteur, canal,"
                + " changements) VALUES ('" + a + "', 7, now(), 'ENREGISTREMENT', 'import', 'IMPORT', '[]')");
        assertEquals(0, base.db().count("SELECT count(*) FROM avis_demande WHERE version = 7"));
        assertNull(avis.envoyer(ADMIN).lot());
    }
}
