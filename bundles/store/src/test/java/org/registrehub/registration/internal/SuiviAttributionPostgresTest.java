package org.registrehub.registration.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Candidat;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.DecisionCal;
import org.registrehub.api.DecisionCommission;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.EvenementDemande;
import org.registrehub.api.MessageDejaTraiteException;
import org.registrehub.api.MessageRecu;
import org.registrehub.api.MotifIrrecevabilite;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NatureSuivi;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.Proposition;
import org.registrehub.api.Statut;
import org.registrehub.api.SuiviAttribution;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.acces.Epci;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.spi.MessageErpStore.MessageTraite;
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
 * The landlord's side on the real parts (registration and attribution services, PostgreSQL store): follow-up lines,
 * the lease that radiates, the ERP message recorded in the transaction of its change (a second delivery changes
 * nothing), rejected messages, and the landlords each event is addressed to.
 */
public class SuiviAttributionPostgresTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Contexte GESTIONNAIRE = Identites.contexte(Identites.gestionnaire44(), Canal.REST);
    private static final Identite NMH = Identites.bailleur44();

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);

    private TestDatabase db;
    private PostgresStore store;
    private RegistreServiceImpl registre;
    private AttributionServiceImpl attribution;

    @Before
    public void setUp() {
        horloge.jour("2026-11-02");
        db = TestDatabase.create("registre_suivi_test");
        store = StoresDeTest.ouvrir(db);
        registre = new RegistreServiceImpl(new NumerotationBaseDeDonnees(store), store, store, new JacksonJsonCodec(),
                horloge, 12, 18);
        attribution = new AttributionServiceImpl(store, store, store, registre, store, horloge);
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

    private Demande demandeDe(String nom) {
        Dossier d = Exemples.dossier(nom);
        return registre.enregistrer(new NouvelleDemande("G1104", Modifs.dossier(d).demandeur(
                Modifs.personne(d.demandeur()).nir(null).build()).build()), GESTIONNAIRE);
    }

    private static Contexte erp(Identite identite, String messageId, String type) {
        return new Contexte(identite, Canal.ERP, new MessageRecu(identite.organisation().code(), messageId, type));
    }

    private long compter(String sql) {
        return db.count(sql);
    }

    @Test
    public void aPropositionRecordsOneLinePerCandidateWithItsAuditAndItsMessageOnce() {
        Demande a = demandeDe("Martin");
        Demande b = demandeDe("Bernard");
        Proposition p = new Proposition("L44109000123", LocalDate.of(2026, 11, 2),
                List.of(new Candidat(a.numeroUnique(), 1), new Candidat(b.numeroUnique(), 2)), "T3 rue de Rennes");
        List<SuiviAttribution> lignes = attribution.proposer(p, erp(NMH, "m-1", "proposition"));
        assertEquals(2, lignes.size());
        assertEquals(2, compter("select count(*) from suivi_attribution where nature = 'PROPOSITION'"
                + " and bailleur = 'NMH' and identifiant_rpls = 'L44109000123' and message_id = 'm-1'"
                + " and acteur = 'bailleur.nmh' and canal = 'ERP'"));
        assertEquals(2, compter("select count(*) from audit where operation = 'PROPOSITION' and organisation = 'NMH'"));
        assertEquals(1, compter("select count(*) from message_erp where organisation = 'NMH' and message_id = 'm-1'"
                + " and statut = 'ACCEPTE' and type = 'proposition'"));

        try {
            attribution.proposer(p, erp(NMH, "m-1", "proposition"));
            fail("the same message twice must have one effect");
        } catch (MessageDejaTraiteException e) {
            assertEquals("m-1", e.getRecu().messageId());
        }
        assertEquals(2, compter("select count(*) from suivi_attribution"));
        assertEquals(2, compter("select count(*) from audit where operation = 'PROPOSITION'"));

        List<SuiviAttribution> suivi = attribution.suivi(a.numeroUnique(), GESTIONNAIRE);
        assertEquals(1, suivi.size());
        assertEquals(NatureSuivi.PROPOSITION, suivi.get(0).nature());
        assertEquals(Integer.valueOf(1), suivi.get(0).rang());
        assertEquals("T3 rue de Rennes", suivi.get(0).commentaire());
        assertEquals("reading the follow-up is audited", 1, compter("select count(*) from audit"
                + " where operation = 'SUIVI' and numero_unique = '" + a.numeroUnique() + "'"));
    }

    @Test
    public void aPropositionWithARadiatedCandidateWritesNothingAtAll() {
        Demande a = demandeDe("Martin");
        Demande b = demandeDe("Bernard");
        registre.radier(b.numeroUnique(), 0, new DemandeRadiation(MotifRadiation.ABANDON, null, null, null),
                GESTIONNAIRE);
        try {
            attribution.proposer(new Proposition("L1", LocalDate.of(2026, 11, 1), List.of(new Candidat(
                    a.numeroUnique(), 1), new Candidat(b.numeroUnique(), 2)), null), erp(NMH, "m-2", "proposition"));
            fail("a radiated demand cannot be proposed");
        } catch (TransitionInterditeException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(b.numeroUnique()));
        }
        assertEquals(0, compter("select count(*) from suivi_attribution"));
        assertEquals(0, compter("select count(*) from message_erp"));
    }

    @Test
    public void invalidFollowUpsNameEveryFieldAndRule() {
        Demande a = demandeDe("Martin");
        try {
            attribution.proposer(new Proposition("L-1", LocalDate.of(2026, 12, 25), List.of(
                    new Candidat(a.numeroUnique(), 1), new Candidat(a.numeroUnique(), 1), new Candidat("123", 4)),
                    null), erp(NMH, "m-3", "proposition"));
            fail("invalid proposition accepted");
        } catch (DemandeInvalideException e) {
            assertEquals(List.of("proposition.identifiantRpls:format", "proposition.dateProposition:passee",
                    "proposition.candidats[1].numeroUnique:unicite", "proposition.candidats[1].rang:unicite",
                    "proposition.candidats[2].numeroUnique:format", "proposition.candidats[2].rang:intervalle"),
                    e.getErreurs().stream().map(x -> x.champ() + ":" + x.regle()).toList());
        }
        try {
            attribution.deciderCal(new DecisionCommission(a.numeroUnique(), "L1", LocalDate.of(2026, 11, 2),
                    DecisionCal.IRRECEVABILITE, null, "pièce manquante", null, null), erp(NMH, "m-4", "decisionCal"));
            fail("invalid decision accepted");
        } catch (DemandeInvalideException e) {
            assertEquals(List.of("decisionCal.motifIrrecevabilite:obligatoire", "decisionCal.condition:coherence"),
                    e.getErreurs().stream().map(x -> x.champ() + ":" + x.regle()).toList());
        }
        assertEquals(0, compter("select count(*) from suivi_attribution"));
    }

    @Test
    public void calDecisionsAndRenunciationsAreRecordedAndTheDemandStaysActive() {
        Demande a = demandeDe("Martin");
        attribution.deciderCal(new DecisionCommission(a.numeroUnique(), "L1", LocalDate.of(2026, 11, 2),
                DecisionCal.ATTRIBUTION_SOUS_CONDITION, null, "justificatif de ressources 2025", 1, null),
                erp(NMH, "m-5", "decisionCal"));
        attribution.deciderCal(new DecisionCommission(a.numeroUnique(), "L2", LocalDate.of(2026, 11, 2),
                DecisionCal.IRRECEVABILITE, MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, null, null, null),
                erp(NMH, "m-6", "decisionCal"));
        attribution.renoncer(a.numeroUnique(), "L1", LocalDate.of(2026, 11, 2), "trop loin du travail",
                erp(NMH, "m-7", "renonciation"));
        List<SuiviAttribution> suivi = attribution.suivi(a.numeroUnique(), GESTIONNAIRE);
        assertEquals(List.of(NatureSuivi.DECISION_CAL, NatureSuivi.DECISION_CAL, NatureSuivi.RENONCIATION),
                suivi.stream().map(SuiviAttribution::nature).toList());
        assertEquals("justificatif de ressources 2025", suivi.get(0).condition());
        assertEquals(MotifIrrecevabilite.RESSOURCES_SUPERIEURES_PLAFOND, suivi.get(1).motifIrrecevabilite());
        assertNull(suivi.get(2).decision());
        assertEquals(Statut.ACTIVE, store.trouver(a.numeroUnique()).orElseThrow().statut());
        assertEquals(3, compter("select count(*) from message_erp where statut = 'ACCEPTE'"));
    }

    @Test
    public void aSignedLeaseRadiatesForAttributionOnceAndNamesTheLandlord() {
        Demande a = demandeDe("Martin");
        Demande r = attribution.signerBail(a.numeroUnique(), "L44109000123", "ETAT", Boolean.TRUE,
                LocalDate.of(2026, 11, 1), null, erp(NMH, "bail-1", "bailSigne"));
        assertEquals(Statut.RADIEE, r.statut());
        assertEquals(MotifRadiation.ATTRIBUTION, r.radiation().motif());
        assertEquals("NMH", r.radiation().attribution().bailleur());
        assertEquals("bail signé le 2026-11-01", r.radiation().commentaire());
        try {
            attribution.signerBail(a.numeroUnique(), "L44109000123", "ETAT", Boolean.TRUE,
                    LocalDate.of(2026, 11, 1), null, erp(NMH, "bail-1", "bailSigne"));
            fail("the same lease message twice must have one effect");
        } catch (MessageDejaTraiteException expected) {
            // the first one committed
        }
        assertEquals(1, store.trouver(a.numeroUnique()).orElseThrow().version());
        assertEquals(1, compter("select count(*) from outbox where type = 'demandeRadiee'"));
        assertEquals(1, compter("select count(*) from message_erp where message_id = 'bail-1'"
                + " and numero_unique = '" + a.numeroUnique() + "'"));

        Identite autre = new Identite("bailleur.lille", new Organisation("LMH", TypeOrganisation.BAILLEUR,
                "Lille Métropole Habitat", null, true, Set.of("059")), EnumSet.of(Role.BAILLEUR));
        Demande b = demandeDe("Bernard");
        try {
            attribution.signerBail(b.numeroUnique(), "L1", "ETAT", Boolean.FALSE, LocalDate.of(2026, 11, 1), null,
                    erp(autre, "bail-2", "bailSigne"));
            fail("a landlord of another territory cannot radiate");
        } catch (AccesRefuseException expected) {
            // territory checked by the radiation
        }
        assertEquals(0, compter("select count(*) from message_erp where message_id = 'bail-2'"));
    }

    @Test
    public void twoConcurrentDeliveriesOfOneLeaseHaveOneEffect() throws Exception {
        Demande a = demandeDe("Martin");
        AtomicReference<Throwable> autre = new AtomicReference<>();
        Runnable livrer = () -> {
            try {
                attribution.signerBail(a.numeroUnique(), "L1", "ETAT", Boolean.FALSE, LocalDate.of(2026, 11, 1),
                        null, erp(NMH, "bail-3", "bailSigne"));
            } catch (RuntimeException e) {
                autre.set(e);
            }
        };
        Thread t1 = new Thread(livrer);
        Thread t2 = new Thread(livrer);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertTrue("the second delivery is refused as a duplicate or a stale change: " + autre.get(),
                autre.get() instanceof MessageDejaTraiteException
                        || autre.get() instanceof TransitionInterditeException);
        assertEquals(1, compter("select count(*) from demande_historique where operation = 'RADIATION'"));
        assertEquals(1, compter("select count(*) from message_erp"));
    }

    @Test
    public void rejectedMessagesKeepFieldAndRuleButNotTheRejectedValue() {
        MessageRecu recu = new MessageRecu("NMH", "m-8", "bailSigne");
        assertTrue(store.rejeter(recu, null, List.of(new ErreurChamp("bailSigne.numeroUnique", "format",
                "2900444109123", "numéro unique attendu"))));
        assertFalse("a message is recorded once", store.rejeter(recu, null, List.of()));
        MessageTraite traite = store.message("NMH", "m-8").orElseThrow();
        assertEquals(MessageTraite.REJETE, traite.statut());
        assertEquals(List.of(new ErreurChamp("bailSigne.numeroUnique", "format", null, "numéro unique attendu")),
                traite.erreurs());
        assertTrue(store.message("LMH", "m-8").isEmpty());
        assertEquals(0, compter("select count(*) from message_erp where erreurs::text like '%2900444109123%'"));

        store.rejeter(new MessageRecu("LMH", "m-9", "proposition"), null, List.of());
        List<MessageTraite> derniers = store.derniersParOrganisation();
        assertEquals(List.of("LMH", "NMH"), derniers.stream().map(m -> m.recu().organisation()).toList());
    }

    @Test
    public void eachEventIsAddressedToTheLandlordsOfTheDemandsTerritoryAtTheTimeOfTheChange() {
        store.creerOrganisation(new Organisation("NMH", TypeOrganisation.BAILLEUR, "Nantes Métropole Habitat", null,
                true, Set.of("044")), null);
        store.creerOrganisation(new Organisation("LMH", TypeOrganisation.BAILLEUR, "Lille Métropole Habitat", null,
                true, Set.of("059")), null);
        store.definirEpci(new Epci("244400404", "Nantes Métropole", Set.of("44109", "44162")), null);
        store.creerOrganisation(new Organisation("ATLANTIQUE", TypeOrganisation.BAILLEUR, "Atlantique Habitations",
                null, true, Set.of("244400404")), null);
        store.creerOrganisation(new Organisation("MAIRIE", TypeOrganisation.GUICHET, "Mairie de Nantes", "G1104",
                true, Set.of("044")), null);
        store.creerOrganisation(new Organisation("ANCIEN", TypeOrganisation.BAILLEUR, "Bailleur fermé", null,
                false, Set.of("044")), null);
        Demande a = demandeDe("Martin");
        List<EvenementDemande> relayes = new java.util.ArrayList<>();
        store.relayer(10, relayes::add);
        assertEquals(1, relayes.size());
        assertEquals("active landlords of the 044 and of an EPCI of a wished commune; no guichet, no disabled one",
                List.of("ATLANTIQUE", "NMH"), relayes.get(0).destinataires());
        assertEquals(a.numeroUnique(), relayes.get(0).numeroUnique());
    }
}
