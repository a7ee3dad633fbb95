package org.registrehub.registration.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Changement;
import org.registrehub.api.Contact;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.Doublon;
import org.registrehub.api.DoublonPresumeException;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Operation;
import org.registrehub.api.Statut;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.VersionObsoleteException;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.numbering.internal.NumerotationBaseDeDonnees;
import org.registrehub.store.internal.PostgresStore;
import org.registrehub.store.internal.StoresDeTest;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.Identites;
import org.registrehub.testing.Modifs;
import org.registrehub.testing.TestDatabase;

/**
 * Every life-cycle rule of the register on the real parts: the registration service, the numbering service and the
 * PostgreSQL store, on a throw-away database. What the service returns is checked against what PostgreSQL holds.
 */
public class CycleDeViePostgresTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Contexte GUICHET = Identites.contexte(Identites.gestionnaire44(), Canal.REST);

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);

    private TestDatabase db;
    private PostgresStore store;
    private RegistreServiceImpl registre;

    @Before
    public void setUp() {
        aujourdhui("2024-01-15");
        db = TestDatabase.create("registre_cycle_test");
        store = StoresDeTest.ouvrir(db);
        registre = new RegistreServiceImpl(new NumerotationBaseDeDonnees(store), store, store, new JacksonJsonCodec(),
                horloge, 12, 18);
    }

    @After
    public void tearDown() {
        if (store != null) {
            StoresDeTest.fermer(store);
        }
        if (db != null) {
            db.close();
        }
    }

    private void aujourdhui(String date) {
        horloge.jour(date);
    }

    /** Another applicant: own family name, no NIR (the examples share one). */
    private static NouvelleDemande demandeDe(String nom) {
        Dossier d = Exemples.dossier(nom);
        return new NouvelleDemande("G1104", Modifs.dossier(d).demandeur(Modifs.personne(d.demandeur()).nir(null)
                .build()).build());
    }

    private static Dossier avecCourriel(Dossier d, String courriel) {
        Contact c = d.contact();
        return Modifs.dossier(d).contact(new Contact(c.adresse(), c.codePostal(), c.ville(), c.telephone(), courriel))
                .build();
    }

    private long compter(String sql) {
        return db.count(sql);
    }

    @Test
    public void registrationAllocatesTheNumberAndWritesDemandHistoryAndEventTogether() {
        Demande d = registre.enregistrer(demandeDe("Martin"), GUICHET);
        assertEquals("0440124000001G1104", d.numeroUnique());
        assertEquals(LocalDate.of(2024, 1, 15), d.dateDepot());
        assertEquals(LocalDate.of(2025, 1, 15), d.dateValidite());
        assertEquals(d, registre.consulter(d.numeroUnique(), GUICHET).orElseThrow());
        assertEquals("the read is audited", 1, compter("select count(*) from audit where operation = 'CONSULTATION'"
                + " and acteur = 'gestionnaire.44' and organisation = 'DDETS44' and canal = 'REST'"
                + " and numero_unique = '0440124000001G1104' and territoire = '044'"));
        assertEquals("the change is audited by the database", 1, compter("select count(*) from audit"
                + " where operation = 'ENREGISTREMENT' and numero_unique = '0440124000001G1104'"));
        assertEquals(1, compter("select count(*) from demande where numero_unique = '0440124000001G1104'"
                + " and date_validite = date '2025-01-15' and statut = 'ACTIVE' and version = 0"));
        assertEquals(1, compter("select count(*) from demande_historique where operation = 'ENREGISTREMENT'"
                + " and acteur = 'gestionnaire.44' and canal = 'REST'"));
        assertEquals(1, compter("select count(*) from outbox where type = 'demandeEnregistree'"
                + " and numero_unique = '0440124000001G1104'"));
    }

    @Test
    public void modificationKeepsNumberAndFilingDateStoresTheDiffAndRefusesAStaleVersion() {
        Demande d = registre.enregistrer(demandeDe("Martin"), GUICHET);
        aujourdhui("2024-03-01");
        Demande m = registre.modifier(d.numeroUnique(), 0, avecCourriel(d.dossier(), "lea@example.org"), GUICHET);
        assertEquals(d.numeroUnique(), m.numeroUnique());
        assertEquals(d.dateDepot(), m.dateDepot());
        assertEquals(1, m.version());
        EntreeHistorique h = registre.historique(d.numeroUnique(), GUICHET).get(1);
        assertEquals(Operation.MODIFICATION, h.operation());
        assertEquals(List.of(new Changement("dossier.contact.email", "lea.martin@example.org", "lea@example.org")),
                h.changements());

        try {
            registre.modifier(d.numeroUnique(), 0, avecCourriel(d.dossier(), "autre@example.org"), GUICHET);
            fail("stale version accepted");
        } catch (VersionObsoleteException e) {
            assertEquals(VersionObsoleteException.CODE, e.getCode());
        }
        assertEquals(2, compter("select count(*) from demande_historique"));
        assertEquals(2, compter("select count(*) from outbox"));
        assertEquals("lea@example.org",
                registre.consulter(d.numeroUnique(), GUICHET).orElseThrow().dossier().contact().email());
    }

    @Test
    public void renewalKeepsNumberAndFilingDateAndStartsANewValidity() {
        Demande d = registre.enregistrer(demandeDe("Martin"), GUICHET);
        aujourdhui("2024-12-20");
        Demande r = registre.renouveler(d.numeroUnique(), 0, null, GUICHET);
        assertEquals(d.numeroUnique(), r.numeroUnique());
        assertEquals(d.dateDepot(), r.dateDepot());
        assertEquals(LocalDate.of(2024, 12, 20), r.dateDernierRenouvellement());
        assertEquals(LocalDate.of(2025, 12, 20), r.dateValidite());
        assertEquals(1, compter("select count(*) from demande where date_validite = date '2025-12-20'"
                + " and date_depot = date '2024-01-15'"));
        assertEquals(1, compter("select count(*) from outbox where type = 'demandeRenouvelee'"));
    }

    @Test
    public void radiationRequiresTheFieldsOfItsReasonAndEndsTheLifeCycle() {
        Demande d = registre.enregistrer(demandeDe("Martin"), GUICHET);
        try {
            registre.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ATTRIBUTION,
                    new Attribution("Nantes Métropole Habitat", null, null, null), null, null), GUICHET);
            fail("incomplete attribution accepted");
        } catch (DemandeInvalideException e) {
            assertEquals(List.of("radiation.attribution.identifiantRpls", "radiation.attribution.reservataire",
                    "radiation.attribution.dalo"), e.getErreurs().stream().map(ErreurChamp::champ).toList());
        }
        try {
            registre.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.IRRECEVABILITE, null, null,
                    null), GUICHET);
            fail("irrecevabilité without its sub-reason accepted");
        } catch (DemandeInvalideException e) {
            assertEquals("radiation.motifIrrecevabilite", e.getErreurs().get(0).champ());
        }
        assertEquals("nothing written by refused radiations", 0,
                compter("select count(*) from demande where statut = 'RADIEE' or version > 0"));

        Demande r = registre.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ATTRIBUTION,
                new Attribution("Nantes Métropole Habitat", "4410900012345", "ETAT", true), null, "bail signé"),
                GUICHET);
        assertEquals(Statut.RADIEE, r.statut());
        Demande relue = registre.consulter(d.numeroUnique(), GUICHET).orElseThrow();
        assertEquals(r.radiation(), relue.radiation());
        assertEquals(Boolean.TRUE, relue.radiation().attribution().dalo());

        refusee(() -> registre.radier(d.numeroUnique(), 1, new DemandeRadiation(MotifRadiation.ABANDON, null, null,
                null), GUICHET));
        refusee(() -> registre.renouveler(d.numeroUnique(), 1, null, GUICHET));
        refusee(() -> registre.reactiver(d.numeroUnique(), 1, GUICHET));
        refusee(() -> registre.modifier(d.numeroUnique(), 1, d.dossier(), GUICHET));
        assertEquals(2, compter("select count(*) from demande_historique"));
    }

    @Test
    public void theOtherReasonsAreStoredAsGiven() {
        Demande abandon = registre.enregistrer(demandeDe("Abandon"), GUICHET);
        Demande irrecevable = registre.enregistrer(demandeDe("Irrecevable"), GUICHET);
        Demande sansReponse = registre.enregistrer(demandeDe("Sansreponse"), GUICHET);
        registre.radier(abandon.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ABANDON, null, null, null),
                GUICHET);
        registre.radier(irrecevable.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.IRRECEVABILITE, null,
                MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, "CAL du 12/01"), GUICHET);
        registre.radier(sansReponse.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.NON_REPONSE, null, null,
                null), GUICHET);
        assertEquals(MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND,
                registre.consulter(irrecevable.numeroUnique(), GUICHET).orElseThrow().radiation()
                        .motifIrrecevabilite());
        assertEquals(1, compter("select count(*) from demande where motif_radiation = 'ABANDON'"));
        assertEquals(1, compter("select count(*) from demande where motif_radiation = 'IRRECEVABILITE'"));
        assertEquals(1, compter("select count(*) from demande where motif_radiation = 'NON_REPONSE'"));
        assertEquals(3, compter("select count(*) from outbox where type = 'demandeRadiee'"));
    }

    @Test
    public void reactivationOnlyAfterNonRenewalAndWithinTheGracePeriod() {
        Demande a = registre.enregistrer(demandeDe("Avant"), GUICHET);
        Demande b = registre.enregistrer(demandeDe("Apres"), GUICHET);
        aujourdhui("2025-01-20");
        for (Demande d : List.of(a, b)) {
            registre.radier(d.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.NON_RENOUVELLEMENT, null, null,
                    null), GUICHET);
        }
        aujourdhui("2025-07-15"); // 18 months after the filing: last day
        Demande reactivee = registre.reactiver(a.numeroUnique(), 1, GUICHET);
        assertEquals(Statut.ACTIVE, reactivee.statut());
        assertEquals(a.numeroUnique(), reactivee.numeroUnique());
        assertEquals(a.dateDepot(), reactivee.dateDepot());
        assertNull(registre.consulter(a.numeroUnique(), GUICHET).orElseThrow().radiation());
        assertEquals(1, compter("select count(*) from demande where statut = 'ACTIVE'"
                + " and date_validite = date '2026-07-15' and motif_radiation is null and date_radiation is null"));

        aujourdhui("2025-07-16");
        try {
            registre.reactiver(b.numeroUnique(), 1, GUICHET);
            fail("reactivated after the grace period");
        } catch (TransitionInterditeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("2025-07-15"));
        }
        assertEquals(Statut.RADIEE, registre.consulter(b.numeroUnique(), GUICHET).orElseThrow().statut());
    }

    @Test
    public void duplicatesAreFoundInTheDatabaseAndAJustificationIsAudited() {
        Demande premiere = registre.enregistrer(Exemples.nouvelleDemande("Martin"), GUICHET);
        Dossier d = Exemples.dossier("MARTÍN");
        NouvelleDemande memeIdentite = new NouvelleDemande("G4401", Modifs.dossier(d)
                .demandeur(Modifs.personne(d.demandeur()).nir(null).prenoms("lea").build()).build());
        try {
            registre.enregistrer(memeIdentite, GUICHET);
            fail("same identity accepted");
        } catch (DoublonPresumeException e) {
            assertEquals(List.of(new Doublon(premiere.numeroUnique(), Doublon.IDENTITE, "G1104",
                    premiere.dateDepot())), e.getDoublons());
        }
        NouvelleDemande memeNir = new NouvelleDemande("G4401", Modifs.dossier(d)
                .demandeur(Modifs.personne(d.demandeur()).nom("Durand").build()).build());
        try {
            registre.enregistrer(memeNir, GUICHET);
            fail("same NIR accepted");
        } catch (DoublonPresumeException e) {
            assertEquals(Doublon.NIR, e.getDoublons().get(0).critere());
        }
        assertEquals(1, compter("select count(*) from demande"));

        Demande justifiee = registre.enregistrer(new NouvelleDemande(memeIdentite.guichet(), memeIdentite.dossier(),
                "même personne, dossier transféré"), GUICHET);
        String commentaire = registre.historique(justifiee.numeroUnique(), GUICHET).get(0).commentaire();
        assertTrue(commentaire, commentaire.startsWith("doublon confirmé de " + premiere.numeroUnique()));
        assertTrue(commentaire, commentaire.endsWith("même personne, dossier transféré"));
    }

    @Test
    public void concurrentChangesOfOneVersionLetExactlyOneThroughAndLoseNothing() throws Exception {
        Demande d = registre.enregistrer(demandeDe("Martin"), GUICHET);
        List<Callable<Demande>> modifications = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String courriel = "agent" + i + "@example.org";
            modifications.add(() -> registre.modifier(d.numeroUnique(), 0, avecCourriel(d.dossier(), courriel),
                    GUICHET));
        }
        List<Object> issues = ensemble(modifications);
        List<Demande> gagnantes = issues.stream().filter(Demande.class::isInstance).map(Demande.class::cast).toList();
        assertEquals(issues.toString(), 1, gagnantes.size());
        assertEquals(7, issues.stream().filter(VersionObsoleteException.class::isInstance).count());
        Demande finale = registre.consulter(d.numeroUnique(), GUICHET).orElseThrow();
        assertEquals(gagnantes.get(0).dossier(), finale.dossier());
        assertEquals(1, finale.version());
        assertEquals(2, compter("select count(*) from demande_historique"));
        assertEquals(2, compter("select count(*) from outbox"));
    }

    @Test
    public void concurrentRegistrationsOfOnePersonLetOnlyOneThrough() throws Exception {
        List<Callable<Demande>> enregistrements = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            enregistrements.add(() -> registre.enregistrer(Exemples.nouvelleDemande("Martin"), GUICHET));
        }
        List<Object> issues = ensemble(enregistrements);
        assertEquals(issues.toString(), 1, issues.stream().filter(Demande.class::isInstance).count());
        assertEquals(5, issues.stream().filter(DoublonPresumeException.class::isInstance).count());
        assertEquals(1, compter("select count(*) from demande"));
    }

    @Test
    public void aNumberIsNeverReusedEvenAfterRadiation() {
        Demande a = registre.enregistrer(demandeDe("Premier"), GUICHET);
        registre.radier(a.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ABANDON, null, null, null),
                GUICHET);
        Demande b = registre.enregistrer(demandeDe("Second"), GUICHET);
        assertEquals("0440124000001G1104", a.numeroUnique());
        assertEquals("0440124000002G1104", b.numeroUnique());
        aujourdhui("2024-02-01");
        assertEquals("0440224000001G1104", registre.enregistrer(demandeDe("Fevrier"), GUICHET).numeroUnique());
        assertEquals(3, compter("select count(distinct numero_unique) from demande"));
    }

    private static void refusee(Runnable operation) {
        try {
            operation.run();
            fail("transition accepted on a radiated demand");
        } catch (TransitionInterditeException e) {
            assertEquals(TransitionInterditeException.CODE, e.getCode());
        }
    }

    /** Runs the operations together (released at once); each result is the demand or the exception thrown. */
    private static List<Object> ensemble(List<Callable<Demande>> operations) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(operations.size());
        CountDownLatch depart = new CountDownLatch(1);
        try {
            List<Future<Demande>> futures = new ArrayList<>();
            for (Callable<Demande> operation : operations) {
                futures.add(pool.submit(() -> {
                    depart.await();
                    return operation.call();
                }));
            }
            depart.countDown();
            List<Object> issues = new ArrayList<>();
            for (Future<Demande> f : futures) {
                try {
                    issues.add(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    issues.add(e.getCause());
                }
            }
            return issues;
        } finally {
            pool.shutdownNow();
        }
    }
}
