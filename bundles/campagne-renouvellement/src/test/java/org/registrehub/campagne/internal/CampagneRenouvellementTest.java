package org.registrehub.campagne.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.registrehub.api.Canal;
import org.registrehub.api.Contact;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Operation;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.renouvellement.Apercu;
import org.registrehub.api.renouvellement.ApercuGuichet;
import org.registrehub.api.renouvellement.AvancementCampagne;
import org.registrehub.api.renouvellement.Avis;
import org.registrehub.api.renouvellement.BilanCampagne;
import org.registrehub.api.renouvellement.CalendrierRenouvellement;
import org.registrehub.api.renouvellement.DemandeEnLigne;
import org.registrehub.api.renouvellement.JetonInvalideException;
import org.registrehub.api.renouvellement.LotCourrier;
import org.registrehub.api.renouvellement.MiseAJourEnLigne;
import org.registrehub.api.renouvellement.spi.CampagneStore;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.Identites;
import org.registrehub.testing.PersonneBuilder;
import org.registrehub.testing.TestDatabase;
import org.registrehub.testing.registre.RegistreDeTest;

/**
 * The renewal campaign on the real register (registration service, PostgreSQL store, renewal calendar) with a real
 * SMTP server (GreenMail): notices by email (content and one-time link) and by letter (PDF batches opened and their
 * pages counted), expiry radiation and reactivation, the non-response procedure, two nodes at once, a node stopped in
 * the middle. Days pass on the hub's adjustable clock.
 */
public class CampagneRenouvellementTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Contexte GESTIONNAIRE = Identites.contexte(Identites.gestionnaire44(), Canal.CONSOLE);
    private static final Pattern LIEN = Pattern.compile("jeton=([A-Za-z0-9_-]{43})");

    @Rule
    public TemporaryFolder dossiers = new TemporaryFolder();

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);
    private TestDatabase db;
    private RegistreDeTest store;
    /** The campaign's own store over the shared core. */
    private CampagneStore campagnes;
    private RegistreService registre;
    private CalendrierRenouvellement calendrier;
    private GreenMail smtp;
    private Path courriers;
    private int prenoms;

    @Before
    public void setUp() throws Exception {
        db = TestDatabase.create("registre_campagne");
        store = RegistreDeTest.ouvrir(db);
        campagnes = new CampagnePostgres(store.base());
        // Loire-Atlantique keeps the national 18 months of grace, Vendée (085) gives 14
        calendrier = RegistreDeTest.calendrier(Map.of("territoire.085.grace.mois", "14"));
        registre = store.registre(horloge, calendrier);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        courriers = dossiers.newFolder("courriers").toPath();
    }

    @After
    public void tearDown() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Three SMTP connections and groups of two e-mails: a page's e-mails go out in several groups, side by side. */
    private ReglagesCampagne reglages(int lot) {
        return new ReglagesCampagne(LocalTime.of(6, 0), PARIS, courriers, lot, Duration.ofMinutes(5),
                new BigDecimal("0.40"), new BigDecimal("5.00"), "https://registre.example/renouvellement", Duration
                .ofDays(30), Duration.ofSeconds(5), 3, Math.min(lot, 2));
    }

    private Messagerie messagerie() {
        return new Messagerie("127.0.0.1", smtp.getSmtp().getPort(), "", "", false, "registre@example.org", 5000);
    }

    private CampagneRenouvellementImpl campagne(String noeud, int lot, CampagneStore avecStore) {
        return new CampagneRenouvellementImpl(avecStore, store.baux(), calendrier, registre, messagerie(), reglages(lot),
                horloge, noeud);
    }

    private CampagneRenouvellementImpl campagne(String noeud) {
        return campagne(noeud, 500, campagnes);
    }

    /** A demand of a household of its own, filed today at {@code guichet}, with or without an email address. */
    private Demande enregistrer(String guichet, String email) {
        StringBuilder prenom = new StringBuilder("Ren");
        for (int n = prenoms++; n > 0 || prenom.length() == 3; n /= 26) {
            prenom.append((char) ('a' + n % 26));
        }
        Dossier d = Exemples.dossier("Martin");
        Dossier dossier = DossierBuilder.builder(d).demandeur(PersonneBuilder.builder(d.demandeur()).nir(null)
                .prenoms(prenom.toString()).build())
                .contact(new Contact("3 rue Kervégan", "44000", "Nantes", null, email)).build();
        return registre.enregistrer(new NouvelleDemande(guichet, dossier), GESTIONNAIRE);
    }

    private Demande actuelle(String numero) {
        return registre.consulter(numero, GESTIONNAIRE).orElseThrow();
    }

    /** The campaign day at 7:00 (after the campaign's hour). */
    private void jour(String date) {
        horloge.jour(date);
    }

    private static ApercuGuichet ligne(List<ApercuGuichet> lignes, String guichet) {
        return lignes.stream().filter(l -> l.guichet().equals(guichet)).findFirst()
                .orElseThrow(() -> new AssertionError("pas de ligne pour " + guichet + " dans " + lignes));
    }

    private static int pages(String fichier) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(new File(fichier))) {
            return pdf.getNumberOfPages();
        }
    }

    private static String texte(String fichier) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(new File(fichier))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static String jeton(MimeMessage m) throws Exception {
        Matcher lien = LIEN.matcher((String) m.getContent());
        assertTrue("lien de renouvellement dans le courriel", lien.find());
        return lien.group(1);
    }

    @Test
    public void avisParCourrielEtParLettreUneFoisPuisRadiationDesExpireesEtReactivation() throws Exception {
        jour("2025-12-15");
        Demande a = enregistrer("G1104", "ana@example.org");
        Demande b = enregistrer("G1104", "bea@example.org");
        Demande c = enregistrer("G1104", null);
        Demande d = enregistrer("G1105", null);
        jour("2026-01-20");
        Demande tardive = enregistrer("G1104", "tardive@example.org");

        jour("2026-11-15");
        CampagneRenouvellementImpl campagne = campagne("noeud-a");
        Apercu apercu = campagne.apercu(horloge.instant().atZone(PARIS).toLocalDate(), GESTIONNAIRE);
        assertEquals(2, ligne(apercu.guichets(), "G1104").courriels());
        assertEquals(1, ligne(apercu.guichets(), "G1104").lettres());
        assertEquals(1, ligne(apercu.guichets(), "G1105").lettres());
        assertEquals(new BigDecimal("0.80"), apercu.total().affranchissement());
        assertEquals("l'aperçu n'envoie rien", 0, smtp.getReceivedMessages().length);
        assertEquals("l'aperçu n'écrit rien", 0, campagnes.avisDe(a.numeroUnique()).size());

        List<AvancementCampagne> avancement = new java.util.ArrayList<>();
        BilanCampagne bilan = campagne.executer(GESTIONNAIRE, t -> { }, avancement::add).orElseThrow();
        assertEquals(BilanCampagne.TERMINEE, bilan.etat());
        // the run told where it stood after each batch, never backwards, and ends with what the preview announced
        AvancementCampagne fin = avancement.get(avancement.size() - 1);
        assertEquals("terminée", fin.etape());
        assertEquals(apercu.total().courriels() + apercu.total().lettres(), fin.fait());
        for (int i = 1; i < avancement.size(); i++) {
            assertTrue(avancement.toString(), avancement.get(i).fait() >= avancement.get(i - 1).fait());
        }
        assertTrue(avancement.toString(), avancement.stream().anyMatch(x -> x.etape().startsWith("avis du ")));
        assertEquals(2, bilan.total().courriels());
        assertEquals(2, bilan.total().lettres());
        assertEquals(new BigDecimal("0.80"), bilan.total().affranchissement());

        MimeMessage[] recus = smtp.getReceivedMessages();
        assertEquals(2, recus.length);
        MimeMessage pourA = Arrays.stream(recus).filter(m -> GreenMailUtil.getAddressList(uncheck(m))
                .contains("ana@example.org")).findFirst().orElseThrow();
        assertEquals("Renouvellement de votre demande de logement social n° " + a.numeroUnique(), pourA.getSubject());
        String corps = (String) pourA.getContent();
        assertTrue(corps, corps.contains(a.numeroUnique()));
        assertTrue(corps, corps.contains("https://registre.example/renouvellement?jeton="));

        // one PDF batch per guichet, one page per letter, the applicant's number printed
        assertEquals(2, bilan.lots().size());
        LotCourrier g1104 = bilan.lots().stream().filter(l -> l.guichet().equals("G1104")).findFirst().orElseThrow();
        assertEquals(1, pages(g1104.fichier()));
        assertEquals(1, g1104.lettres());
        assertTrue(texte(g1104.fichier()).contains(c.numeroUnique()));
        LotCourrier g1105 = bilan.lots().stream().filter(l -> l.guichet().equals("G1105")).findFirst().orElseThrow();
        assertEquals(1, pages(g1105.fichier()));
        assertTrue(texte(g1105.fichier()).contains(d.numeroUnique()));
        assertEquals(Avis.COURRIER, campagnes.avisDe(c.numeroUnique()).get(0).canal());
        assertEquals("ENVOYE", campagnes.avisDe(c.numeroUnique()).get(0).etat());

        // the same day again, and the next day: nobody gets the same notice twice
        assertTrue(campagne.executer(GESTIONNAIRE, t -> { }).isEmpty());
        jour("2026-11-16");
        BilanCampagne lendemain = campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow();
        assertEquals(0, lendemain.total().courriels() + lendemain.total().lettres());
        assertEquals(2, smtp.getReceivedMessages().length);
        assertEquals(0, campagnes.avisDe(tardive.numeroUnique()).size());

        // the applicant of A renews through the link, with an updated resource; the link then no longer works
        RenouvellementEnLigneImpl enLigne = new RenouvellementEnLigneImpl(campagnes, registre, horloge);
        String jeton = jeton(pourA);
        DemandeEnLigne page = enLigne.lire(jeton);
        assertEquals(a.numeroUnique(), page.numeroUnique());
        assertEquals(LocalDate.parse("2026-12-15"), page.finValidite());
        assertEquals(3, page.ressources().size());
        Demande renouvelee = enLigne.confirmer(jeton, new MiseAJourEnLigne(Arrays.asList(new BigDecimal("1900.00"),
                null, null), null, Set.of(), null));
        assertEquals(LocalDate.parse("2027-11-16"), renouvelee.dateValidite());
        assertEquals(a.dateDepot(), renouvelee.dateDepot());
        assertEquals(new BigDecimal("1900.00"), renouvelee.dossier().ressources().get(0).montantMensuel());
        EntreeHistorique derniere = last(registre.historique(a.numeroUnique(), GESTIONNAIRE));
        assertEquals(Operation.RENOUVELLEMENT, derniere.operation());
        assertEquals(Canal.EN_LIGNE, derniere.canal());
        try {
            enLigne.confirmer(jeton, MiseAJourEnLigne.confirmation());
            fail("un lien ne sert qu'une fois");
        } catch (JetonInvalideException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("déjà servi"));
        }

        // the day after the end of validity (and a month after the notice): B, C, D radiated, not A
        jour("2026-12-16");
        BilanCampagne expiration = campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow();
        assertEquals(2, ligne(expiration.guichets(), "G1104").radiationsNonRenouvellement());
        assertEquals(1, ligne(expiration.guichets(), "G1105").radiationsNonRenouvellement());
        assertEquals(Statut.ACTIVE, actuelle(a.numeroUnique()).statut());
        for (Demande x : List.of(b, c, d)) {
            Demande radiee = actuelle(x.numeroUnique());
            assertEquals(Statut.RADIEE, radiee.statut());
            assertEquals(MotifRadiation.NON_RENOUVELLEMENT, radiee.radiation().motif());
            assertEquals(Canal.CAMPAGNE, last(registre.historique(x.numeroUnique(), GESTIONNAIRE)).canal());
        }
        assertEquals(1, db.count("select count(*) from outbox where type = 'demandeRadiee' and numero_unique = '"
                + b.numeroUnique() + "'"));
        // the demand filed on 20 January 2026 gets its notice on 20 December, a month before its end of validity
        assertEquals(0, campagnes.avisDe(tardive.numeroUnique()).size());
        jour("2026-12-20");
        assertEquals(1, campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow().total().courriels());
        assertEquals(LocalDate.parse("2027-01-20"), campagnes.avisDe(tardive.numeroUnique()).get(0).finValidite());
        assertEquals(Statut.ACTIVE, actuelle(tardive.numeroUnique()).statut());

        // B is reactivated within the grace period: same number, same filing date, valid a year from today
        Demande reactivee = registre.reactiver(b.numeroUnique(), actuelle(b.numeroUnique()).version(), GESTIONNAIRE);
        assertEquals(Statut.ACTIVE, reactivee.statut());
        assertEquals(b.numeroUnique(), reactivee.numeroUnique());
        assertEquals(b.dateDepot(), reactivee.dateDepot());
        assertEquals(LocalDate.parse("2027-12-20"), reactivee.dateValidite());
    }

    @Test
    public void leDelaiDeReactivationEstCeluiDuCalendrierDuDepartement() {
        Contexte vendee = Identites.contexte(Identites.guichet("agent.vendee", "G8501", "G8501", "085"), Canal.REST);
        jour("2025-01-10");
        Dossier d = Exemples.dossier("Martin");
        Dossier enVendee = DossierBuilder.builder(d).logementRecherche(new org.registrehub.api.LogementRecherche(
                d.logementRecherche().typologies(), List.of("85191"), d.logementRecherche().loyerMax(), false, false,
                false)).build();
        Demande v = registre.enregistrer(new NouvelleDemande("G8501", enVendee), vendee);
        Demande l = enregistrer("G1104", null);
        jour("2026-03-20");
        for (Demande x : List.of(v, l)) {
            Contexte ctx = x == v ? vendee : GESTIONNAIRE;
            registre.radier(x.numeroUnique(), x.version(), new org.registrehub.api.DemandeRadiation(
                    MotifRadiation.NON_RENOUVELLEMENT, null, null, null), ctx);
        }
        // 14 months and 10 days after filing: past the Vendée's grace, within the national one
        try {
            registre.reactiver(v.numeroUnique(), v.version() + 1, vendee);
            fail("délai de grâce de la Vendée (14 mois) dépassé");
        } catch (org.registrehub.api.TransitionInterditeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("2026-03-10") && e.getMessage().contains("14 mois"));
        }
        assertEquals(Statut.ACTIVE, registre.reactiver(l.numeroUnique(), l.version() + 1, GESTIONNAIRE).statut());
    }

    private static <T> T last(List<T> liste) {
        return liste.get(liste.size() - 1);
    }

    @Test
    public void courrierRecommandeSansReponseRadieNonReponseEtCourrierReponduNon() throws Exception {
        jour("2026-03-02");
        Demande muette = enregistrer("G1104", "muette@example.org");
        Demande repond = enregistrer("G1104", null);
        CampagneRenouvellementImpl campagne = campagne("noeud-a");
        Avis ouvert = campagne.engagerNonReponse(muette.numeroUnique(), "justificatif de ressources 2025",
                GESTIONNAIRE);
        assertEquals("A_ENVOYER", ouvert.etat());
        campagne.engagerNonReponse(repond.numeroUnique(), "avis d'imposition", GESTIONNAIRE);
        try {
            campagne.engagerNonReponse(muette.numeroUnique(), "encore", GESTIONNAIRE);
            fail("une seule procédure ouverte par demande");
        } catch (org.registrehub.api.TransitionInterditeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("déjà ouverte"));
        }
        assertEquals(2, ligne(campagne.apercu(LocalDate.parse("2026-03-02"), GESTIONNAIRE).guichets(), "G1104")
                .recommandes());

        jour("2026-03-03");
        BilanCampagne envoi = campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow();
        LotCourrier lot = envoi.lots().get(0);
        assertEquals(Avis.NON_REPONSE, lot.nature());
        assertEquals(2, pages(lot.fichier()));
        String lettres = texte(lot.fichier());
        assertTrue(lettres, lettres.contains("LETTRE RECOMMANDÉE AVEC AVIS DE RÉCEPTION"));
        assertTrue(lettres, lettres.contains("justificatif de ressources 2025"));
        assertEquals(new BigDecimal("10.00"), lot.affranchissement());
        assertEquals("ENVOYE", campagnes.avisDe(muette.numeroUnique()).get(0).etat());

        // one of them answers: its demand changes
        Demande r = actuelle(repond.numeroUnique());
        registre.modifier(r.numeroUnique(), r.version(), DossierBuilder.builder(r.dossier()).revenuFiscal(
                new org.registrehub.api.RevenuFiscal(30000, 31000)).build(), GESTIONNAIRE);

        jour("2026-04-03");
        assertEquals(0, campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow().total().radiationsNonReponse());
        jour("2026-04-04");
        BilanCampagne radiation = campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow();
        assertEquals(1, radiation.total().radiationsNonReponse());
        assertEquals(MotifRadiation.NON_REPONSE, actuelle(muette.numeroUnique()).radiation().motif());
        assertEquals(Statut.ACTIVE, actuelle(repond.numeroUnique()).statut());
        assertEquals("CLOS", campagnes.avisDe(muette.numeroUnique()).get(0).etat());
        assertEquals("REPONDU", campagnes.avisDe(repond.numeroUnique()).get(0).etat());
    }

    @Test
    public void deuxNoeudsEnMemeTempsChaqueAvisUneSeuleFois() throws Exception {
        jour("2025-12-10");
        for (int i = 0; i < 40; i++) {
            enregistrer("G1104", "demandeur" + i + "@example.org");
        }
        jour("2026-11-10");
        CampagneRenouvellementImpl a = campagne("noeud-a", 5, campagnes);
        CampagneRenouvellementImpl b = campagne("noeud-b", 5, campagnes);
        ExecutorService deux = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Optional<BilanCampagne>>> travaux = List.of(() -> a.executer(GESTIONNAIRE, t -> { }),
                    () -> b.executer(GESTIONNAIRE, t -> { }));
            List<Optional<BilanCampagne>> bilans = new ArrayList<>();
            for (Future<Optional<BilanCampagne>> f : deux.invokeAll(travaux)) {
                bilans.add(f.get());
            }
            assertEquals("un seul nœud tient la campagne du jour", 1, bilans.stream().filter(Optional::isPresent)
                    .count());
        } finally {
            deux.shutdownNow();
        }
        Map<String, Long> parDestinataire = Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(
                m -> GreenMailUtil.getAddressList(uncheck(m)), Collectors.counting()));
        assertEquals(40, parDestinataire.size());
        assertTrue(parDestinataire.toString(), parDestinataire.values().stream().allMatch(n -> n == 1));
        assertEquals(40, db.count("select count(*) from avis_renouvellement where etat = 'ENVOYE'"));
    }

    private static javax.mail.Address[] uncheck(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (javax.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a node killed in the middle leaves: an error that no code of the campaign catches. */
    private static final class NoeudTue extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    public void noeudTueAuMilieuLaCampagneRepriseParUnAutreNoeudSansAvisEnDouble() throws Exception {
        jour("2025-12-10");
        for (int i = 0; i < 30; i++) {
            enregistrer(i % 2 == 0 ? "G1104" : "G1105", i % 3 == 0 ? null : "reprise" + i + "@example.org");
        }
        jour("2026-11-10");
        // the node dies as it records its 4th group of emails sent, the 5th already going out
        CampagneStore mortel = mortApres(4);
        try {
            campagne("noeud-a", 4, mortel).executer(GESTIONNAIRE, t -> { });
            fail("le nœud devait s'arrêter");
        } catch (NoeudTue attendu) {
            // the node is gone, its lease stays until it runs out
        }
        int partis = smtp.getReceivedMessages().length;
        long enregistres = db.count("select count(*) from avis_renouvellement where etat = 'ENVOYE'");
        long enSuspens = partis - enregistres;
        assertTrue("au plus deux groupes (de 1 ou 2 courriels) sont partis sans être marqués : " + enSuspens,
                enSuspens >= 2 && enSuspens <= 4);
        CampagneRenouvellementImpl autre = campagne("noeud-b", 4, campagnes);
        assertTrue("le bail du nœud arrêté court encore", autre.executer(GESTIONNAIRE, t -> { }).isEmpty());

        horloge.avancer(Duration.ofMinutes(6));
        bailExpire();
        List<String> progression = new ArrayList<>();
        BilanCampagne bilan = autre.executer(GESTIONNAIRE, progression::add).orElseThrow();
        assertEquals(BilanCampagne.TERMINEE, bilan.etat());
        assertEquals("noeud-b", bilan.noeud());
        assertEquals("les avis envoyés mais pas enregistrés ne sont pas renvoyés", enSuspens, bilan.incertains());
        assertTrue(progression.toString(), progression.get(0).startsWith("Reprise"));

        Map<String, Long> parDestinataire = Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(
                m -> GreenMailUtil.getAddressList(uncheck(m)), Collectors.counting()));
        assertEquals(20, parDestinataire.size());
        assertTrue(parDestinataire.toString(), parDestinataire.values().stream().allMatch(n -> n == 1));
        assertEquals(30, db.count("select count(*) from avis_renouvellement where nature = 'AVIS'"));
        assertEquals(10, bilan.lots().stream().mapToInt(LotCourrier::lettres).sum());
        int pages = 0;
        for (LotCourrier l : bilan.lots()) {
            pages += pages(l.fichier());
        }
        assertEquals(10, pages);
        assertEquals(20 - enSuspens, bilan.total().courriels());
        assertNotEquals(0, Files.list(courriers).count());
        assertFalse(Files.list(courriers).anyMatch(p -> p.toString().endsWith(".partiel")));
    }

    /**
     * The dead node's lease runs out: the cluster's leases live on the database's clock, which the adjustable clock of
     * the test does not move.
     */
    private void bailExpire() {
        db.count("UPDATE bail_cluster SET jusqua = now() - interval '1 second'"
                + " WHERE nom LIKE 'campagne-renouvellement:%' RETURNING 1");
    }

    /** The store of a node that dies right after the {@code n}-th group of emails went out, before recording it. */
    private CampagneStore mortApres(int n) {
        AtomicInteger marques = new AtomicInteger();
        return (CampagneStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CampagneStore.class}, (proxy, methode, args) -> {
                    if (methode.getName().equals("marquer") && marques.incrementAndGet() == n) {
                        throw new NoeudTue();
                    }
                    try {
                        return methode.invoke(campagnes, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    public void campagneArreteeUnJourSoldeeParLaCampagneDuLendemainSansAvisEnDouble() throws Exception {
        jour("2025-12-10");
        for (int i = 0; i < 12; i++) {
            enregistrer("G1104", "lendemain" + i + "@example.org");
        }
        jour("2026-11-10");
        try {
            campagne("noeud-a", 5, mortApres(4)).executer(GESTIONNAIRE, t -> { });
            fail("le nœud devait s'arrêter");
        } catch (NoeudTue attendu) {
            // never restarted that day
        }
        // pages of 5 in groups of 2, 2 and 1; the node dies as it marks the fourth group (the first of the second
        // page) sent, the fifth already going out: both went out unrecorded
        assertEquals(9, smtp.getReceivedMessages().length);
        assertEquals(5, db.count("select count(*) from avis_renouvellement where etat = 'ENVOYE'"));
        jour("2026-11-11");
        bailExpire();
        BilanCampagne lendemain = campagne("noeud-b", 5, campagnes).executer(GESTIONNAIRE, t -> { }).orElseThrow();
        assertEquals(BilanCampagne.TERMINEE, lendemain.etat());
        Map<String, Long> parDestinataire = Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(
                m -> GreenMailUtil.getAddressList(uncheck(m)), Collectors.counting()));
        assertEquals("chaque demande avisée", 12, parDestinataire.size());
        assertTrue(parDestinataire.toString(), parDestinataire.values().stream().allMatch(n -> n == 1));
        assertEquals(4, db.count("select count(*) from avis_renouvellement where etat = 'INCERTAIN'"));
        assertEquals(0, db.count("select count(*) from avis_renouvellement where etat = 'A_ENVOYER'"));
    }

    @Test
    public void serveurSmtpInjoignableLaCampagneAttendPuisReprendSansPerte() throws Exception {
        jour("2025-12-10");
        for (int i = 0; i < 6; i++) {
            enregistrer("G1104", "panne" + i + "@example.org");
        }
        jour("2026-11-10");
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        CampagneRenouvellementImpl campagne = new CampagneRenouvellementImpl(campagnes, store.baux(), calendrier,
                registre, new Messagerie("127.0.0.1", port, "", "", false, "registre@example.org", 2000), reglages(3),
                horloge, "noeud-a");
        BilanCampagne interrompue = campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow();
        assertEquals(BilanCampagne.EN_COURS, interrompue.etat());
        assertTrue(interrompue.erreur(), interrompue.erreur().contains("injoignable"));
        assertEquals("rien n'est compté envoyé", 0, db.count("select count(*) from avis_renouvellement"));

        smtp = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        smtp.start();
        BilanCampagne reprise = campagne.executer(GESTIONNAIRE, t -> { }).orElseThrow();
        assertEquals(BilanCampagne.TERMINEE, reprise.etat());
        assertEquals(6, smtp.getReceivedMessages().length);
        assertEquals(6, reprise.total().courriels());
    }

    @Test
    public void lienExpireOuDonneesInvalidesRefusesEtLienGarde() throws Exception {
        jour("2025-12-15");
        Demande a = enregistrer("G1104", "lien@example.org");
        jour("2026-11-15");
        campagne("noeud-a").executer(GESTIONNAIRE, t -> { }).orElseThrow();
        String jeton = jeton(smtp.getReceivedMessages()[0]);
        RenouvellementEnLigneImpl enLigne = new RenouvellementEnLigneImpl(campagnes, registre, horloge);
        try {
            enLigne.confirmer(jeton, new MiseAJourEnLigne(List.of(new BigDecimal("-5")), null, Set.of(), null));
            fail("montant négatif refusé");
        } catch (org.registrehub.api.DemandeInvalideException e) {
            assertEquals("montants", e.getErreurs().get(0).champ());
        }
        try {
            enLigne.confirmer(jeton, new MiseAJourEnLigne(List.of(new BigDecimal("-5"), BigDecimal.ONE,
                    BigDecimal.ONE), null, Set.of(7), null));
            fail("montant négatif et personne inconnue refusés");
        } catch (org.registrehub.api.DemandeInvalideException e) {
            assertEquals(List.of("montants[0]", "personnesRetirees"), e.getErreurs().stream()
                    .map(org.registrehub.api.ErreurChamp::champ).toList());
        }
        assertEquals("rien n'a changé", a.version(), actuelle(a.numeroUnique()).version());
        // the dependent left the household: his resource line goes with him
        Demande renouvelee = enLigne.confirmer(jeton, new MiseAJourEnLigne(null, null, Set.of(0), null));
        assertEquals(0, renouvelee.dossier().personnesACharge().size());
        assertEquals(2, renouvelee.dossier().ressources().size());

        jour("2025-12-20");
        Demande b = enregistrer("G1104", "expire@example.org");
        jour("2026-11-20");
        campagne("noeud-a").executer(GESTIONNAIRE, t -> { }).orElseThrow();
        String autre = jeton(Arrays.stream(smtp.getReceivedMessages()).filter(m -> GreenMailUtil.getAddressList(
                uncheck(m)).contains("expire@")).findFirst().orElseThrow());
        horloge.avancer(Duration.ofDays(31));
        try {
            enLigne.lire(autre);
            fail("lien expiré");
        } catch (JetonInvalideException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("expiré"));
        }
        try {
            enLigne.lire("x".repeat(43));
            fail("lien inconnu");
        } catch (JetonInvalideException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("inconnu"));
        }
        assertEquals(Statut.ACTIVE, actuelle(b.numeroUnique()).statut());
    }
}
