package org.registrehub.itests.registre;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.PrintWriter;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Changement;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeIntrouvableException;
import org.registrehub.api.Dossier;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.EtatSante;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.Operation;
import org.registrehub.api.Personne;
import org.registrehub.api.Radiation;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreIndisponibleException;
import org.registrehub.api.Statut;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.api.registre.spi.DemandeStore;
import org.registrehub.api.registre.spi.OutboxStore;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.PersonneBuilder;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * The register's store (bundle registre-enregistrement: demands, history, duplicates, outbox) against a real,
 * throw-away PostgreSQL database.
 */
public class RegistrePostgresTest {

    @Rule
    public final RegistreJetable registre = new RegistreJetable("registre_store_test");
    private DemandeStore store;
    private OutboxStore outbox;

    @Before
    public void setUp() {
        store = registre.base().demandes();
        outbox = registre.base().store(OutboxStore.class);
    }

    @Test
    public void theWholeDossierIsStoredAndTheSearchedFieldsCopied() {
        Demande d = meme("0441123000009G1104");
        store.inserer(d, creation(Canal.SOAP), evenement(d), Set.of(), null);
        Demande lue = store.trouver(d.numeroUnique()).orElseThrow();
        assertEquals(d.dossier(), lue.dossier());
        assertEquals(1, registre.db().count("select count(*) from demande where nom = 'Martin' and prenoms = 'Léa Marie'"
                + " and commune = '44109' and typologie = 'T3' and nir = '" + Exemples.NIR_DEMANDEUSE + "'"
                + " and date_validite = date '2024-11-02' and territoire = '044'"));
    }

    @Test
    public void insertWritesTheDemandAndItsEventTogether() {
        Demande d = demande("0441123000001G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);

        assertEquals(d, store.trouver(d.numeroUnique()).orElseThrow());
        assertEquals(1, outbox.enAttente());
        assertEquals(1, registre.db().count("select count(*) from demande where canal_creation = 'REST'"));
    }

    @Test
    public void failedInsertWritesNeitherDemandNorEvent() {
        Demande d = demande("0441123000002G1104");
        store.inserer(d, creation(Canal.SOAP), evenement(d), Set.of(), null);
        try {
            // same numéro (its duplicate accepted, so that the unique constraint is what stops it)
            store.inserer(d, creation(Canal.SOAP), evenement(d), Set.of(d.numeroUnique()), null);
            fail("a duplicate numéro must be refused");
        } catch (RegistreException e) {
            assertEquals("EXISTE_DEJA", e.getCode());
            assertTrue(e.getMessage(), e.getMessage().contains("déjà celui d'une autre demande"));
        }
        assertEquals(1, registre.db().count("select count(*) from demande"));
        assertEquals(1, registre.db().count("select count(*) from outbox"));
    }

    @Test
    public void schemaRefusesMalformedNumbers() {
        Demande d = demande("BAD");
        try {
            store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
            fail("the check constraint must refuse a malformed numéro");
        } catch (RegistreException e) {
            assertEquals("ERREUR_INTERNE", e.getCode());
        }
        assertEquals(0, registre.db().count("select count(*) from outbox"));
    }

    @Test
    public void updateChecksTheVersionAndHistorizes() {
        Demande d = demande("0441123000020G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        Demande r = radiee(d);
        store.mettreAJour(r, 0, entree(1, Operation.RADIATION, new Changement("statut", "ACTIVE", "RADIEE")),
                evenement(r), null);
        Demande lue = store.trouver(d.numeroUnique()).orElseThrow();
        assertEquals(r, lue);
        assertEquals(1, registre.db().count("select count(*) from demande where statut = 'RADIEE' and motif_radiation = "
                + "'ATTRIBUTION' and date_radiation = date '2024-02-01' and version = 1"));

        List<EntreeHistorique> historique = store.historique(d.numeroUnique());
        assertEquals(2, historique.size());
        assertEquals(Operation.ENREGISTREMENT, historique.get(0).operation());
        assertEquals(Operation.RADIATION, historique.get(1).operation());
        assertEquals(List.of(new Changement("statut", "ACTIVE", "RADIEE")), historique.get(1).changements());
        assertEquals("agent-1", historique.get(1).acteur());
        assertEquals("motif 1", historique.get(1).commentaire());
        assertEquals(2, outbox.enAttente());
    }

    @Test
    public void aStaleVersionWritesNothing() {
        Demande d = demande("0441123000021G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        Demande r = radiee(d);
        store.mettreAJour(r, 0, entree(1, Operation.RADIATION), evenement(r), null);
        try {
            store.mettreAJour(radiee(d), 0, entree(1, Operation.RADIATION), evenement(r), null);
            fail("version 0 is stale");
        } catch (VersionObsoleteException e) {
            assertEquals(1, e.getVersionActuelle());
        }
        try {
            store.mettreAJour(radiee(demande("0441123000099G1104")), 0, entree(1, Operation.RADIATION), evenement(r), null);
            fail("unknown numéro");
        } catch (DemandeIntrouvableException expected) {
            assertEquals("0441123000099G1104", expected.getNumeroUnique());
        }
        assertEquals(2, registre.db().count("select count(*) from demande_historique where numero_unique = '0441123000021G1104'"));
        assertEquals(2, outbox.enAttente());
    }

    @Test
    public void concurrentUpdatesOfTheSameVersionLetExactlyOneWin() throws Exception {
        Demande d = demande("0441123000022G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch depart = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger gagnants = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger perdants = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    depart.await();
                    Demande r = radiee(d);
                    try {
                        store.mettreAJour(r, 0, entree(1, Operation.RADIATION), evenement(r), null);
                        gagnants.incrementAndGet();
                    } catch (VersionObsoleteException e) {
                        perdants.incrementAndGet();
                    }
                    return null;
                }));
            }
            depart.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, gagnants.get());
        assertEquals(threads - 1, perdants.get());
        assertEquals(2, registre.db().count("select count(*) from demande_historique where numero_unique = '0441123000022G1104'"));
    }

    @Test
    public void duplicatesByNirOrByIdentityIgnoringAccentsAndCase() {
        Demande a = meme("0441123000030G1104");
        store.inserer(a, creation(Canal.REST), evenement(a), Set.of(), null);
        Personne meme = a.dossier().demandeur();

        Personne autreNom = PersonneBuilder.builder(meme).nom("Martin-Durand").prenoms("Léa").build();
        assertEquals("the duplicate and where it lies: its territory and wished communes",
                List.of(new org.registrehub.api.registre.spi.DemandeStore.DoublonSitue(new Doublon("0441123000030G1104",
                        Doublon.NIR, "G1104", LocalDate.of(2023, 11, 2)), "044",
                        a.dossier().logementRecherche().communes())), store.doublons(autreNom));
        Personne sansNir = PersonneBuilder.builder(meme).nom("MARTIN").prenoms("lea Ève").nir(null).build();
        assertEquals(Doublon.IDENTITE, store.doublons(sansNir).get(0).doublon().critere());
        assertTrue(store.doublons(PersonneBuilder.builder(sansNir).dateNaissance(LocalDate.of(1990, 4, 13)).build())
                .isEmpty());
        assertTrue(store.doublons(PersonneBuilder.builder(sansNir).prenoms("Léon").build()).isEmpty());

        Demande r = radiee(a);
        store.mettreAJour(r, 0, entree(1, Operation.RADIATION), evenement(r), null);
        assertTrue("a radiated demand is no duplicate", store.doublons(meme).isEmpty());
    }

    @Test
    public void anUnknownDuplicateStopsTheInsertAKnownOneDoesNot() {
        Demande a = meme("0441123000031G1104");
        store.inserer(a, creation(Canal.REST), evenement(a), Set.of(), null);
        Demande b = meme("0441123000032G1104");
        try {
            store.inserer(b, creation(Canal.REST), evenement(b), Set.of(), null);
            fail("duplicate inserted");
        } catch (DoublonPresumeException e) {
            assertEquals("0441123000031G1104", e.getDoublons().get(0).numeroUnique());
        }
        assertFalse(store.trouver(b.numeroUnique()).isPresent());
        store.inserer(b, creation(Canal.REST), evenement(b), Set.of("0441123000031G1104"), null);
        assertTrue(store.trouver(b.numeroUnique()).isPresent());
    }

    @Test
    public void concurrentRegistrationsOfOnePersonLetOnlyOneThrough() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch depart = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger refus = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Demande d = meme(String.format("0441123%06dG1104", 40 + t));
                futures.add(pool.submit(() -> {
                    depart.await();
                    try {
                        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
                    } catch (DoublonPresumeException e) {
                        refus.incrementAndGet();
                    }
                    return null;
                }));
            }
            depart.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads - 1, refus.get());
        assertEquals(1, registre.db().count("select count(*) from demande"));
    }

    @Test
    public void unknownNumberIsEmpty() {
        assertFalse(store.trouver("0441123999999G1104").isPresent());
    }

    @Test
    public void relayPublishesPendingEventsOnceInOrder() {
        List<String> numeros = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Demande d = demande(String.format("0441123%06dG1104", 100 + i));
            store.inserer(d, creation(Canal.ERP), evenement(d), Set.of(), null);
            numeros.add(d.numeroUnique());
        }
        List<String> publies = new ArrayList<>();
        assertEquals(3, outbox.relayer(3, e -> publies.add(e.numeroUnique())));
        assertEquals(2, outbox.relayer(10, e -> publies.add(e.numeroUnique())));
        assertEquals(0, outbox.relayer(10, e -> publies.add(e.numeroUnique())));
        assertEquals(numeros, publies);
        assertEquals(0, outbox.enAttente());
    }

    @Test
    public void failedPublicationLeavesEventsPending() {
        Demande d = demande("0441123000003G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        try {
            outbox.relayer(10, e -> {
                throw new IllegalStateException("broker down");
            });
            fail("the publication failure must propagate");
        } catch (IllegalStateException expected) {
            // the transaction is rolled back
        }
        assertEquals(1, outbox.enAttente());
        assertEquals(1, outbox.relayer(10, e -> { }));
    }

    @Test
    public void aFailedBrokerCommitLeavesTheBatchPendingAndASuccessfulOneComesBeforeTheMark() {
        Demande d = demande("0441123000004G1104");
        store.inserer(d, creation(Canal.REST), evenement(d), Set.of(), null);
        java.util.List<String> publies = new java.util.ArrayList<>();
        try {
            outbox.relayer(10, e -> publies.add(e.numeroUnique()), () -> {
                throw new IllegalStateException("commit du broker impossible");
            });
            fail("the broker commit failure must propagate");
        } catch (IllegalStateException expected) {
            // nothing marked
        }
        assertEquals(List.of(d.numeroUnique()), publies);
        assertEquals(1, outbox.enAttente());
        long[] enAttenteAuCommit = {-1};
        assertEquals(1, outbox.relayer(10, e -> { }, () -> enAttenteAuCommit[0] = registre.db().count(
                "select count(*) from outbox where publie_le is null")));
        assertEquals("another connection still sees the batch pending while the broker commits", 1,
                enAttenteAuCommit[0]);
        assertEquals(0, outbox.enAttente());
    }

    /** A demand of its own applicant (a name derived from the numéro, no NIR): never a duplicate of another. */
    private static Demande demande(String numero) {
        String nom = "Martin " + numero.chars().filter(Character::isDigit).mapToObj(c -> String.valueOf(
                (char) ('a' + c - '0'))).collect(java.util.stream.Collectors.joining());
        Dossier d = Exemples.dossier(nom);
        return meme(numero, DossierBuilder.builder(d).demandeur(PersonneBuilder.builder(d.demandeur()).nir(null).build()).build());
    }

    /** A demand of the example applicant (Léa Martin, with her NIR). */
    private static Demande meme(String numero) {
        return meme(numero, Exemples.dossier("Martin"));
    }

    private static Demande meme(String numero, Dossier dossier) {
        return new Demande(numero, Statut.ACTIVE, "G1104", numero.length() >= 3 ? numero.substring(0, 3) : "044",
                LocalDate.of(2023, 11, 2), LocalDate.of(2024, 11, 2), null, null, 0, dossier);
    }

    private static EntreeHistorique creation(Canal canal) {
        return new EntreeHistorique(0, Instant.now(), Operation.ENREGISTREMENT, "test", canal, List.of(), null);
    }

    private static EntreeHistorique entree(long version, Operation operation, Changement... changements) {
        return new EntreeHistorique(version, Instant.now(), operation, "agent-" + version, Canal.CONSOLE,
                List.of(changements), "motif " + version);
    }

    private static Demande radiee(Demande d) {
        return new Demande(d.numeroUnique(), Statut.RADIEE, d.guichet(), d.territoire(), d.dateDepot(),
                d.dateValidite(), d.dateDernierRenouvellement(), new Radiation(MotifRadiation.ATTRIBUTION,
                        LocalDate.of(2024, 2, 1), new Attribution("Habitat 44", "RPLS123", "ETAT", true), null, null),
                d.version() + 1, d.dossier());
    }

    private static EvenementDemande evenement(Demande d) {
        return new EvenementDemande(UUID.randomUUID(), EvenementDemande.DEMANDE_ENREGISTREE, d.numeroUnique(),
                Instant.now(), "{\"numeroUnique\":\"" + d.numeroUnique() + "\"}");
    }
}
