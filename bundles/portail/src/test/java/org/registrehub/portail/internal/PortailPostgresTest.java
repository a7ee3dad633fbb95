package org.registrehub.portail.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.Contact;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.Dossier;
import org.registrehub.api.Operation;
import org.registrehub.api.Personne;
import org.registrehub.api.RegistreService;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.portail.ConnexionRefuseeException;
import org.registrehub.api.portail.DemandeDejaActiveException;
import org.registrehub.api.portail.LienInvalideException;
import org.registrehub.api.portail.SessionPortail;
import org.registrehub.api.portail.TropDeTentativesException;
import org.registrehub.campagne.internal.Messagerie;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.registre.RegistreJetable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The portal's service on PostgreSQL with the real register, the hub's SMTP client and GreenMail: sign-up confirmed
 * by the link received, sign-in by password and by numéro and code, each secret usable once and kept only hashed,
 * throttling, idle time-out, drafts, a first demand filed under the portal's guichet, another applicant's demand out
 * of reach, the duplicate rule, optimistic locking.
 */
public class PortailPostgresTest {

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_portail");

    private static final String IP = "203.0.113.7";
    private static final char[] MDP = "correct horse battery".toCharArray();
    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-01T08:00:00Z"));
    private GreenMail smtp;
    private PortailServiceImpl portail;
    private RegistreService registre;

    @Before
    public void setUp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        registre = base.base().registre(horloge);
        portail = new PortailServiceImpl(base.base().base(), registre,
                new org.registrehub.json.internal.JacksonJsonCodec(), horloge, reglages());
        portail.lierMessagerie(new Messagerie("127.0.0.1", smtp.getSmtp().getPort(), "", "", false,
                "registre@example.org", 5000));
    }

    static PortailServiceImpl.Reglages reglages() {
        return new PortailServiceImpl.Reglages("https://portail.example.org/portail", Duration.ofHours(24),
                Duration.ofMinutes(15), Duration.ofMinutes(30), new Secrets(4), 5, 50, Duration.ofMinutes(15),
                "GDPUB", 4096, ZoneId.of("Europe/Paris"), null);
    }

    private static final org.registrehub.api.Contexte GESTIONNAIRE = new org.registrehub.api.Contexte(
            org.registrehub.testing.Identites.gestionnaire44(), org.registrehub.api.Canal.REST);

    @After
    public void tearDown() {
        smtp.stop();
    }

    private MimeMessage dernier(String destinataire) throws Exception {
        MimeMessage[] recus = smtp.getReceivedMessagesForDomain(destinataire);
        assertTrue("aucun courriel pour " + destinataire, recus.length > 0);
        return recus[recus.length - 1];
    }

    /** The decoded text of an e-mail (its first part when it has attachments). */
    static String texte(MimeMessage m) throws Exception {
        Object c = m.getContent();
        if (c instanceof javax.mail.Multipart mp) {
            return mp.getBodyPart(0).getContent().toString();
        }
        return c.toString();
    }

    private String lien(String destinataire) throws Exception {
        Matcher m = Pattern.compile("confirmer\\?jeton=([A-Za-z0-9_-]{43})")
                .matcher(texte(dernier(destinataire)));
        assertTrue(m.find());
        return m.group(1);
    }

    private SessionPortail compteConfirme(String email) throws Exception {
        portail.inscrire(email, MDP, IP);
        return portail.confirmer(lien(email), IP);
    }

    private static Dossier dossier(String nom, String email, String nir) {
        Dossier d = Exemples.dossier(nom);
        Personne p = d.demandeur();
        Contact c = d.contact();
        return new Dossier(new Personne(p.nom(), p.prenoms(), p.dateNaissance(), p.lieuNaissance(), p.sexe(),
                p.nationalite(), nir, p.situationProfessionnelle(), p.employeur()), d.coDemandeur(),
                d.personnesACharge(), new Contact(c.adresse(), c.codePostal(), c.ville(), c.telephone(), email),
                d.situationFamiliale(), d.ressources(), d.revenuFiscal(), d.logementActuel(), d.motifs(),
                d.logementRecherche(), d.handicap());
    }

    @Test
    public void uneInscriptionSeConfirmeUneFoisParLeLienRecuEtNeGardeQueDesEmpreintes() throws Exception {
        portail.inscrire("Amina.Diallo@Example.org", MDP, IP);
        String jeton = lien("amina.diallo@example.org");
        assertThrows(ConnexionRefuseeException.class,
                () -> portail.connecter("amina.diallo@example.org", MDP, IP));
        SessionPortail s = portail.confirmer(jeton, IP);
        assertNotNull(s.compte());
        assertEquals("amina.diallo@example.org", s.email());
        assertTrue(portail.session(s.jeton()).isPresent());
        assertThrows(LienInvalideException.class, () -> portail.confirmer(jeton, IP));
        // only hashes in the database: the link, the session token, the password
        assertEquals(0, base.db().count("SELECT count(*) FROM jeton_portail WHERE empreinte = '" + jeton + "'"));
        assertEquals(1, base.db().count("SELECT count(*) FROM session_portail WHERE empreinte = '"
                + Secrets.sha256(s.jeton()) + "'"));
        assertEquals(1, base.db().count("SELECT count(*) FROM compte_demandeur WHERE empreinte_mot_de_passe LIKE"
                + " '$2y$%' AND position('correct horse' in empreinte_mot_de_passe) = 0"));
        // signed in with the password, then out
        SessionPortail t = portail.connecter("AMINA.DIALLO@example.org ", MDP, IP);
        assertEquals(s.compte(), t.compte());
        portail.deconnecter(t.jeton());
        assertTrue(portail.session(t.jeton()).isEmpty());
        assertEquals(3, base.db().count("SELECT count(*) FROM audit WHERE canal = 'EN_LIGNE' AND operation IN"
                + " ('PORTAIL_INSCRIPTION', 'PORTAIL_CONFIRMATION', 'PORTAIL_CONNEXION')"));
    }

    @Test
    public void uneAdresseDejaInscriteNeDonneNiSecondCompteNiIndice() throws Exception {
        compteConfirme("jean.dupont@example.org");
        int avant = smtp.getReceivedMessages().length;
        portail.inscrire("jean.dupont@example.org", "un autre mot de passe".toCharArray(), IP);
        assertEquals(avant + 1, smtp.getReceivedMessages().length);
        assertEquals("Votre compte existe déjà", dernier("jean.dupont@example.org").getSubject());
        assertEquals(1, base.db().count("SELECT count(*) FROM compte_demandeur"));
        // the password has not changed
        assertThrows(ConnexionRefuseeException.class, () -> portail.connecter("jean.dupont@example.org",
                "un autre mot de passe".toCharArray(), IP));
        assertNotNull(portail.connecter("jean.dupont@example.org", MDP, IP));
    }

    @Test
    public void lesReglesDuMotDePasseEtDeLAdresseSontDitesChampParChamp() {
        DemandeInvalideException e = assertThrows(DemandeInvalideException.class,
                () -> portail.inscrire("pas une adresse", "court".toCharArray(), IP));
        assertEquals(List.of("email", "motDePasse"), e.getErreurs().stream().map(x -> x.champ()).toList());
        e = assertThrows(DemandeInvalideException.class,
                () -> portail.inscrire("lucie.bernard@example.org", "lucie.bernard@example.org!".toCharArray(), IP));
        assertTrue(e.getErreurs().get(0).message(), e.getErreurs().get(0).message().contains("adresse"));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    public void lesTentativesSontFreineesParCleEtParAdresse() throws Exception {
        compteConfirme("karim.benali@example.org");
        for (int i = 0; i < 5; i++) {
            assertThrows(ConnexionRefuseeException.class, () -> portail.connecter("karim.benali@example.org",
                    "mauvais mot de passe".toCharArray(), IP));
        }
        // the right password is refused too, without being checked, until the window has passed
        TropDeTentativesException e = assertThrows(TropDeTentativesException.class,
                () -> portail.connecter("karim.benali@example.org", MDP, "198.51.100.9"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Trop de tentatives"));
        horloge.avancer(Duration.ofMinutes(16));
        assertNotNull(portail.connecter("karim.benali@example.org", MDP, IP));
        // an unknown address counts the same (nobody learns who has an account)
        for (int i = 0; i < 5; i++) {
            assertThrows(ConnexionRefuseeException.class, () -> portail.connecter("personne@example.org", MDP, IP));
        }
        assertThrows(TropDeTentativesException.class, () -> portail.connecter("personne@example.org", MDP, IP));
    }

    @Test
    public void uneSessionSeFermeApresLInactivite() throws Exception {
        SessionPortail s = compteConfirme("nadia.moreau@example.org");
        horloge.avancer(Duration.ofMinutes(29));
        assertTrue(portail.session(s.jeton()).isPresent());
        horloge.avancer(Duration.ofMinutes(29));
        assertTrue("chaque requête repousse l'expiration", portail.session(s.jeton()).isPresent());
        horloge.avancer(Duration.ofMinutes(31));
        assertTrue(portail.session(s.jeton()).isEmpty());
        assertTrue(portail.session("pas-un-jeton").isEmpty());
    }

    @Test
    public void unBrouillonSeGardeEntreDeuxSessionsDansSaLimite() throws Exception {
        SessionPortail s = compteConfirme("paul.leroy@example.org");
        assertEquals(Map.of(), portail.brouillon(s));
        portail.enregistrerBrouillon(s, Map.of("demandeur.nom", List.of("Leroy"),
                "logementRecherche.typologies", List.of("T2", "T3")));
        SessionPortail t = portail.connecter("paul.leroy@example.org", MDP, IP);
        assertEquals(List.of("T2", "T3"), portail.brouillon(t).get("logementRecherche.typologies"));
        DemandeInvalideException e = assertThrows(DemandeInvalideException.class,
                () -> portail.enregistrerBrouillon(t, Map.of("x", List.of("a".repeat(5000)))));
        assertEquals("brouillon", e.getErreurs().get(0).champ());
        assertEquals(List.of("Leroy"), portail.brouillon(t).get("demandeur.nom"));
    }

    @Test
    public void uneDemandeDeposeeEnLigneEstAuDemandeurEtALuiSeul() throws Exception {
        SessionPortail s = compteConfirme("lea.legoff@example.org");
        portail.enregistrerBrouillon(s, Map.of("demandeur.nom", List.of("Le Goff")));
        Demande d = portail.deposer(s, dossier("Le Goff", "lea.legoff@example.org", null));
        assertTrue(d.numeroUnique(), d.numeroUnique().startsWith("044") && d.numeroUnique().endsWith("GDPUB"));
        assertEquals("GDPUB", d.guichet());
        assertEquals(Map.of(), portail.brouillon(s));
        SessionPortail t = portail.session(s.jeton()).orElseThrow();
        assertEquals(java.util.Set.of(d.numeroUnique()), t.numeros());
        assertEquals(d.numeroUnique(), portail.demande(t, d.numeroUnique()).numeroUnique());
        assertEquals(Operation.ENREGISTREMENT, portail.historique(t, d.numeroUnique()).get(0).operation());
        assertEquals(1, base.db().count("SELECT count(*) FROM demande_historique h WHERE h.canal = 'EN_LIGNE'"
                + " AND h.numero_unique = '" + d.numeroUnique() + "'"));
        // another applicant's demand, registered at a guichet: unknown to this session, whatever it tries
        String autre = registre.enregistrer(new org.registrehub.api.NouvelleDemande("G1104",
                dossier("Diallo", "a.diallo@example.org", null)), GESTIONNAIRE)
                .numeroUnique();
        for (var appel : List.<org.junit.function.ThrowingRunnable>of(() -> portail.demande(t, autre),
                () -> portail.historique(t, autre), () -> portail.attestation(t, autre),
                () -> portail.modifier(t, autre, 0, dossier("Diallo", null, null)),
                () -> portail.renouveler(t, autre, 0, dossier("Diallo", null, null)))) {
            assertThrows(DemandeIntrouvableException.class, appel);
        }
        // modified at version 0, then a stale version refused
        Demande m = portail.modifier(t, d.numeroUnique(), 0, dossier("Le Goff", "lea.legoff@example.org", null));
        assertEquals(1, m.version());
        assertThrows(VersionObsoleteException.class, () -> portail.modifier(t, d.numeroUnique(), 0,
                dossier("Le Goff", "lea.legoff@example.org", null)));
    }

    @Test
    public void leDemandeurVoitLesPropositionsEtDecisionsDeSaDemande() throws Exception {
        SessionPortail s = compteConfirme("moussa.traore@example.org");
        Demande d = portail.deposer(s, dossier("Traore", "moussa.traore@example.org", null));
        SessionPortail t = portail.session(s.jeton()).orElseThrow();
        // without the attribution side installed: nothing to show, no error
        assertEquals(List.of(), portail.suivi(t, d.numeroUnique()));
        assertTrue(portail.cotation(t, d.numeroUnique()).isEmpty());
        org.registrehub.api.AttributionService attribution = base.base().attribution(registre, horloge);
        portail.lierSuivi(attribution);
        org.registrehub.api.acces.Identite nmh = org.registrehub.testing.Identites.bailleur44();
        attribution.proposer(new org.registrehub.api.Proposition("L44109000123", java.time.LocalDate.of(2026, 11, 30),
                List.of(new org.registrehub.api.Candidat(d.numeroUnique(), 1)), "T3 rue de Rennes"),
                new org.registrehub.api.Contexte(nmh, org.registrehub.api.Canal.ERP, new org.registrehub.api.MessageRecu(
                        "NMH", "m-1", "proposition")));
        List<org.registrehub.api.SuiviAttribution> suivi = portail.suivi(t, d.numeroUnique());
        assertEquals(1, suivi.size());
        assertEquals(org.registrehub.api.NatureSuivi.PROPOSITION, suivi.get(0).nature());
        assertEquals("L44109000123", suivi.get(0).identifiantRpls());
        // another applicant's follow-up is as unknown as the rest of their demand
        SessionPortail autre = compteConfirme("awa.kone@example.org");
        assertThrows(DemandeIntrouvableException.class, () -> portail.suivi(autre, d.numeroUnique()));
    }

    @Test
    public void unDemandeurQuiADejaUneDemandeActiveEstEnvoyeVersElle() throws Exception {
        String existante = registre.enregistrer(new org.registrehub.api.NouvelleDemande("G1104",
                dossier("Martin", "lea.martin@example.org", Exemples.NIR_DEMANDEUSE)),
                GESTIONNAIRE).numeroUnique();
        SessionPortail s = compteConfirme("autre.adresse@example.org");
        DemandeDejaActiveException e = assertThrows(DemandeDejaActiveException.class,
                () -> portail.deposer(s, dossier("Martin", "autre.adresse@example.org", Exemples.NIR_DEMANDEUSE)));
        assertTrue(e.numeroEnvoye());
        assertFalse("le numéro n'est pas montré à qui dépose", e.getMessage().contains(existante));
        assertTrue(texte(dernier("lea.martin@example.org")).contains(existante));
        assertEquals(1, base.db().count("SELECT count(*) FROM demande"));
        // the holder signs in with the numéro and the code sent to the demand's address
        portail.envoyerCode(existante, IP);
        Matcher code = Pattern.compile("\\b([0-9]{4}) ([0-9]{4})\\b")
                .matcher(texte(dernier("lea.martin@example.org")));
        assertTrue(code.find());
        String c = code.group(1) + code.group(2);
        assertThrows(ConnexionRefuseeException.class, () -> portail.connecterParCode(existante, "00000000", IP));
        SessionPortail t = portail.connecterParCode(existante, c, IP);
        assertEquals(java.util.Set.of(existante), t.numeros());
        assertEquals(existante, portail.demande(t, existante).numeroUnique());
        assertThrows("un code ne sert qu'une fois", ConnexionRefuseeException.class,
                () -> portail.connecterParCode(existante, c, IP));
        // a code session files nothing
        assertThrows(org.registrehub.api.RegistreException.class, () -> portail.deposer(t,
                dossier("Autre", "x@example.org", null)));
        // an unknown numéro: the same silence, no e-mail
        int avant = smtp.getReceivedMessages().length;
        portail.envoyerCode("0441126099999G1104", IP);
        assertEquals(avant, smtp.getReceivedMessages().length);
    }
}
