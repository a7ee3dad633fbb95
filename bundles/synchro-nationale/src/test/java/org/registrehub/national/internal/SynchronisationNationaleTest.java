package org.registrehub.national.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.EntreeHistorique;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.Statut;
import org.registrehub.api.national.TacheNationale;
import org.registrehub.api.national.spi.SynchroNationaleStore;
import org.registrehub.json.internal.JacksonJsonCodec;
import org.registrehub.simulators.national.Comportement;
import org.registrehub.simulators.national.SimulateurNational;
import org.registrehub.simulators.national.StockageNational;
import org.registrehub.testing.DossierBuilder;
import org.registrehub.testing.Exemples;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.Identites;
import org.registrehub.testing.PersonneBuilder;
import org.registrehub.testing.TestDatabase;
import org.registrehub.testing.registre.RegistreDeTest;

/**
 * The national synchronization on the real register (registration service, PostgreSQL store) against the national
 * register simulator over SOAP: ordered sending across an hour-long national outage, national radiations applied
 * locally, duplicates and DALO recourses recorded, reconciliation. The hour runs on the hub's adjustable clock.
 */
public class SynchronisationNationaleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Contexte GUICHET = Identites.contexte(Identites.gestionnaire44(), Canal.REST);

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);
    private TestDatabase dbHub;
    private TestDatabase dbNational;
    private SimulateurNational simulateur;
    private RegistreDeTest base;
    private SynchroNationaleStore store;
    private RegistreService registre;
    private ClientNational client;
    private EnvoiNational envoi;
    private RecuperationNationale recuperation;
    private Reconciliation reconciliation;
    private int prenoms;

    @Before
    public void setUp() throws Exception {
        horloge.jour("2026-12-01");
        dbHub = TestDatabase.create("registre_national_hub");
        dbNational = TestDatabase.create("registre_national_sim");
        simulateur = SimulateurNational.demarrer("127.0.0.1", 0, dbNational.jdbcUrl(), dbNational.user(),
                dbNational.password());
        base = RegistreDeTest.ouvrir(dbHub);
        store = new NationalPostgres(base.base());
        registre = base.registre(horloge);
        // the circuit opens after 3 failures out of the last 4 calls and tries again after 1 s
        client = new ClientNational(simulateur.url(), "hub-044", "secret", "2", "5", 50, 4, 1);
        envoi = new EnvoiNational(store, base.baux(), client, new JacksonJsonCodec(), "noeud-test", 20, Duration.ofMinutes(5),
                horloge);
        recuperation = new RecuperationNationale(client, store, base.baux(), registre, Set.of("044"), "noeud-test", 2,
                java.time.LocalTime.of(2, 30), PARIS, Duration.ofMinutes(15), horloge);
        reconciliation = new Reconciliation(client, store, base.baux(), registre, Set.of("044"), "noeud-test", 3, horloge);
    }

    @After
    public void tearDown() throws Exception {
        if (simulateur != null) {
            simulateur.close();
        }
        if (base != null) {
            base.close();
        }
        for (TestDatabase db : new TestDatabase[] {dbHub, dbNational}) {
            if (db != null) {
                db.close();
            }
        }
    }

    /** A demand of a household of its own (a first name per demand, no NIR). */
    private Demande enregistrer() {
        StringBuilder prenom = new StringBuilder("Nat");
        for (int n = prenoms++; n > 0 || prenom.length() == 3; n /= 26) {
            prenom.append((char) ('a' + n % 26));
        }
        Dossier d = Exemples.dossier("Martin");
        Dossier dossier = DossierBuilder.builder(d).demandeur(PersonneBuilder.builder(d.demandeur()).nir(null)
                .prenoms(prenom.toString()).build()).build();
        return registre.enregistrer(new NouvelleDemande("G1104", dossier), GUICHET);
    }

    private Demande actuelle(String numero) {
        return registre.consulter(numero, GUICHET).orElseThrow();
    }

    @Test
    public void unEvenementLocalDeLAttributionNeVaPasAuRegistreNational() throws Exception {
        String numero = enregistrer().numeroUnique();
        // a candidature's event, as the attribution's trigger writes it (V28), between two changes of the demand
        dbHub.execute("INSERT INTO outbox (evenement_id, type, numero_unique, horodatage, contenu) VALUES"
                + " (gen_random_uuid(), 'candidatureDesignee', '" + numero + "', now(),"
                + " '{\"type\": \"candidatureDesignee\", \"candidature\": {\"numeroUnique\": \"" + numero
                + "\"}}')");
        Demande d = actuelle(numero);
        registre.renouveler(numero, d.version(), null, GUICHET);
        assertEquals(3, envoi.envoyer());
        assertEquals("the demand's two events only", 2, simulateur.mouvements(null).size());
        assertEquals("nothing refused, nothing waiting", 0, dbHub.count("select count(*) from outbox"
                + " where national_le is null or national_refus is not null"));
    }

    @Test
    public void nationalEnPanneUneHeureLesEvenementsAttendentPuisPartentDansLOrdreSansPerteNiDoublon()
            throws Exception {
        List<String> numeros = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            numeros.add(enregistrer().numeroUnique());
        }
        assertEquals(4, envoi.envoyer());
        assertEquals(4, simulateur.mouvements(null).size());

        simulateur.comportement().mode(Comportement.Mode.PANNE);
        Instant debutPanne = horloge.instant();
        boolean circuitOuvert = false;
        // an hour of work while the national side is down: a change every 2 minutes, the timer every minute
        for (int minute = 1; minute <= 60; minute++) {
            horloge.avancer(Duration.ofMinutes(1));
            if (minute % 2 == 0) {
                String numero = numeros.get(minute % numeros.size());
                Demande d = actuelle(numero);
                switch (minute % 8) {
                    case 0 -> numeros.add(enregistrer().numeroUnique());
                    case 2 -> registre.modifier(numero, d.version(), DossierBuilder.builder(d.dossier())
                            .situationFamiliale(org.registrehub.api.SituationFamiliale.values()[minute % 3]).build(),
                            GUICHET);
                    case 4 -> registre.renouveler(numero, d.version(), null, GUICHET);
                    default -> numeros.add(enregistrer().numeroUnique());
                }
            }
            assertEquals(0, envoi.envoyer());
            circuitOuvert |= "OPEN".equals(client.circuit());
        }
        Demande radiee = actuelle(numeros.get(1));
        registre.radier(radiee.numeroUnique(), radiee.version(), new DemandeRadiation(MotifRadiation.ABANDON, null,
                null, "renonce"), GUICHET);

        long enAttente = store.enAttenteNational();
        long changements = dbHub.count("select count(*) from demande_historique");
        assertEquals("tout ce qui a changé pendant la panne attend", changements - 4, enAttente);
        assertEquals(debutPanne.plus(Duration.ofMinutes(2)), store.plusAncienEnAttenteNational().orElseThrow());
        assertTrue("le circuit s'est ouvert pendant la panne", circuitOuvert);
        assertTrue("attente croissante et circuit : " + simulateur.comportement().refuses() + " appels refusés en 60"
                + " tours", simulateur.comportement().refuses() < 20);

        simulateur.comportement().mode(Comportement.Mode.NORMAL);
        toutTransmis(Duration.ofMinutes(5), Duration.ofSeconds(30));

        List<StockageNational.Recu> recus = simulateur.mouvements(null);
        assertEquals("chaque événement reçu, une fois", changements, recus.size());
        assertEquals(changements, recus.stream().map(StockageNational.Recu::evenementId).distinct().count());
        assertEquals(changements, dbHub.count("select count(*) from outbox where national_le is not null"
                + " and national_refus is null"));
        Map<String, List<Long>> versions = new HashMap<>();
        recus.forEach(r -> versions.computeIfAbsent(r.numeroUnique(), k -> new ArrayList<>()).add(r.version()));
        for (String numero : numeros) {
            List<Long> v = versions.get(numero);
            long derniere = actuelle(numero).version();
            List<Long> attendu = new ArrayList<>();
            for (long i = 0; i <= derniere; i++) {
                attendu.add(i);
            }
            assertEquals("versions de " + numero + " dans l'ordre", attendu, v);
            assertEquals(derniere, (long) simulateur.demande(numero).orElseThrow().version());
        }
        assertEquals("RADIEE", simulateur.demande(radiee.numeroUnique()).orElseThrow().statut());
        assertEquals("CLOSED", client.circuit());
    }

    @Test
    public void circuitOuvertLAttenteNeSAllongePlusEtLePremierAppelPermisPart() throws Exception {
        // a circuit that stays open 5 s of real time: the twelve sends below take far less, even on a busy machine
        // (with 1 s, a slow loop let the circuit half-open and real failures double the wait again)
        client = new ClientNational(simulateur.url(), "hub-044", "secret", "2", "5", 50, 4, 5);
        envoi = new EnvoiNational(store, base.baux(), client, new JacksonJsonCodec(), "noeud-test", 20, Duration.ofMinutes(5),
                horloge);
        enregistrer();
        simulateur.comportement().mode(Comportement.Mode.PANNE);
        // real failures double the wait: 1 s, 2 s, 4 s; then the open circuit refuses at once
        for (int tour = 0; tour < 12; tour++) {
            horloge.avancer(Duration.ofMinutes(1));
            envoi.envoyer();
        }
        assertEquals("OPEN", client.circuit());
        Duration attente = Duration.between(horloge.instant(), envoi.prochainEssai());
        assertTrue("attente " + attente + " : les refus du circuit ouvert ne l'allongent pas",
                attente.compareTo(Duration.ofSeconds(8)) <= 0);
        assertTrue(simulateur.comportement().refuses() <= 4);
        simulateur.comportement().mode(Comportement.Mode.NORMAL);
        toutTransmis(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    public void radiationFaiteAilleursAppliqueeAuRegistreUneSeuleFoisEtPasRenvoyee() throws Exception {
        Demande attribuee = enregistrer();
        Demande abandonnee = enregistrer();
        Demande restee = enregistrer();
        envoi.envoyer();
        simulateur.attribuerAilleurs(attribuee.numeroUnique(), LocalDate.of(2026, 12, 1), "bailleur-49",
                new StockageNational.Bail("ANGERS-LOIRE-HABITAT", "049000123", "PREFECTURE", true));
        simulateur.radierAilleurs(abandonnee.numeroUnique(), "ABANDON", LocalDate.of(2026, 12, 1), "guichet-85",
                "ne souhaite plus de logement");
        // a demand of the 44 that only the national register knows
        simulateur.stockage().appliquer("ailleurs-1", "ENREGISTREMENT", new StockageNational.Ligne(
                "0441226000999G1104", "ACTIVE", 0L, "044", "G1104", LocalDate.of(2026, 12, 1), null, "Autre",
                "Personne", LocalDate.of(1980, 1, 1), null, null, null, "guichet-85"), "guichet-85");
        simulateur.radierAilleurs("0441226000999G1104", "ABANDON", LocalDate.of(2026, 12, 1), "guichet-85", null);

        String bilan = recuperation.executer(TacheNationale.RADIATIONS);
        assertEquals("2 radiation(s) appliquée(s), 0 déjà radiée(s), 1 demande(s) inconnue(s) du hub", bilan);
        Demande a = actuelle(attribuee.numeroUnique());
        assertEquals(Statut.RADIEE, a.statut());
        assertEquals(MotifRadiation.ATTRIBUTION, a.radiation().motif());
        assertEquals(new Attribution("ANGERS-LOIRE-HABITAT", "049000123", "PREFECTURE", true),
                a.radiation().attribution());
        assertTrue(a.radiation().commentaire(), a.radiation().commentaire().contains("bailleur-49"));
        EntreeHistorique h = registre.historique(attribuee.numeroUnique(), GUICHET).get(1);
        assertEquals(Canal.NATIONAL, h.canal());
        assertEquals("registre-national", h.acteur());
        assertEquals(MotifRadiation.ABANDON, actuelle(abandonnee.numeroUnique()).radiation().motif());
        assertEquals(Statut.ACTIVE, actuelle(restee.numeroUnique()).statut());

        // read again from its cursor: nothing new, nothing twice
        assertEquals("0 radiation(s) appliquée(s), 0 déjà radiée(s), 0 demande(s) inconnue(s) du hub",
                recuperation.executer(TacheNationale.RADIATIONS));
        assertEquals(2, dbHub.count("select count(*) from demande_historique where operation = 'RADIATION'"));
        // the local radiation is not sent back to where it came from
        envoi.envoyer();
        assertEquals(0, store.enAttenteNational());
        assertEquals(3, simulateur.mouvements(null).stream().filter(r -> r.origine().equals("hub-044")).count());
        assertEquals(1L, (long) simulateur.demande(attribuee.numeroUnique()).orElseThrow().version());
        assertEquals(1L, actuelle(attribuee.numeroUnique()).version());
    }

    @Test
    public void doublonsEtRecoursDaloEnregistresParPages() throws Exception {
        Demande d1 = enregistrer();
        Demande d2 = enregistrer();
        envoi.envoyer();
        simulateur.signalerDoublon(d1.numeroUnique(), "0851226000007G8501", "IDENTITE", "national");
        simulateur.signalerDoublon(d2.numeroUnique(), "0491226000002G4901", "NIR", "national");
        simulateur.signalerDoublon(d2.numeroUnique(), "0721226000002G7201", "NIR", "national");
        simulateur.declarerDalo(d1.numeroUnique(), LocalDate.of(2026, 11, 20), null, "COMED44");
        simulateur.declarerDalo(d2.numeroUnique(), LocalDate.of(2026, 11, 21), "DOUTEUSE", "COMED44");
        // pages of 2: three duplicates need two pages
        assertEquals("3 doublon(s) enregistré(s), 0 déjà connu(s) ou hors du registre",
                recuperation.executer(TacheNationale.DOUBLONS));
        assertTrue(recuperation.executer(TacheNationale.DALO).startsWith("1 recours DALO enregistré(s), 0 déjà"
                + " connu(s) ou hors du registre, 1 non appliqué(s) : " + d2.numeroUnique()
                + " : décision DALO inconnue « DOUTEUSE »"));
        assertEquals(3, dbHub.count("select count(*) from doublon_national"));
        assertEquals(1, dbHub.count("select count(*) from recours_dalo where decision is null"));
        assertEquals("3 doublon(s) enregistré(s), 0 déjà connu(s) ou hors du registre", store.etats().stream()
                .filter(e -> e.tache() == TacheNationale.DOUBLONS).findFirst().orElseThrow().bilan());
    }

    @Test
    public void reconciliationCorrigeCeQueLeHubPeutEtSignaleLeReste() throws Exception {
        Demande inconnue = enregistrer();
        Demande ancienne = enregistrer();
        Demande aJour = enregistrer();
        // sent: ancienne and aJour; inconnue's registration "lost" (marked sent without reaching the national side)
        dbHub.count("update outbox set national_le = now() where numero_unique = '" + inconnue.numeroUnique()
                + "' returning 1");
        envoi.envoyer();
        // a change of ancienne that never reached the national side
        Demande a = actuelle(ancienne.numeroUnique());
        registre.renouveler(a.numeroUnique(), a.version(), null, GUICHET);
        dbHub.count("update outbox set national_le = now() where national_le is null returning 1");
        // a national demand of the 44 that the hub does not have
        simulateur.stockage().appliquer("ailleurs-1", "ENREGISTREMENT", new StockageNational.Ligne(
                "0441226000500G1104", "ACTIVE", 0L, "044", "G1104", LocalDate.of(2026, 12, 1), null, "Autre",
                "Personne", LocalDate.of(1980, 1, 1), null, null, null, "autre-systeme"), "autre-systeme");

        String rapport = reconciliation.executer();
        assertTrue(rapport, rapport.contains("3 demande(s) du hub comparée(s), 3 écart(s), 2 corrigé(s), 1 à"
                + " examiner"));
        assertTrue(rapport, rapport.contains("corrigé " + inconnue.numeroUnique() + " : inconnue du registre national"
                + " → renvoyée telle qu'au hub (ENREGISTREMENT, version 0)"));
        assertTrue(rapport, rapport.contains("corrigé " + ancienne.numeroUnique() + " : version nationale 0 (ACTIVE),"
                + " version du hub 1 (ACTIVE) → renvoyée telle qu'au hub (MODIFICATION, version 1)"));
        assertTrue(rapport, rapport.contains("écart   0441226000500G1104 : connue du registre national"));
        assertTrue(rapport, !rapport.contains(aJour.numeroUnique()));
        assertEquals(0L, (long) simulateur.demande(inconnue.numeroUnique()).orElseThrow().version());
        assertEquals(1L, (long) simulateur.demande(ancienne.numeroUnique()).orElseThrow().version());
        assertEquals(rapport, store.dernierRapport().orElseThrow());

        // once fixed, a second reconciliation only finds what the national side has to look at
        String second = reconciliation.executer();
        assertTrue(second, second.contains("3 demande(s) du hub comparée(s), 1 écart(s), 0 corrigé(s), 1 à examiner"));
        assertEquals(Set.of("ENREGISTREMENT", "MODIFICATION"), simulateur.mouvements(null).stream()
                .map(StockageNational.Recu::type).collect(Collectors.toSet()));
    }

    /** Sends again, the hub's clock moved on by {@code pas} before each try, until nothing waits any more. */
    private void toutTransmis(Duration pas, Duration max) {
        await("tout transmis au retour du registre national (événements en attente)").atMost(max)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    horloge.avancer(pas);
                    envoi.envoyer();
                    return store.enAttenteNational();
                }, n -> n == 0);
    }
}
