package org.registrehub.attribution.internal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreException;
import org.registrehub.api.RegistreService;
import org.registrehub.api.RevenuFiscal;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.Typologie;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.CandidatRapproche;
import org.registrehub.api.attribution.Constat;
import org.registrehub.api.attribution.CritereRapprochement;
import org.registrehub.api.attribution.DeclarationLogement;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.LogementOffert;
import org.registrehub.api.attribution.Rapprochement;
import org.registrehub.api.attribution.Reservataire;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.TypeReservataire;
import org.registrehub.api.attribution.Verdict;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * Offered dwellings and matching on PostgreSQL, with the real register underneath: a generated territory of 260
 * demands filed over three years, whose expected candidates the test computes from the dossiers by its own arithmetic
 * ({@link TerritoireGenere#attendu}); the hub's list must be the same demands in the same order.
 */
public class RapprochementPostgresTest {

    static final Contexte GESTIONNAIRE = contexte("gest44", "DDETS44", TypeOrganisation.ETAT, Set.of("044"),
            Role.GESTIONNAIRE);
    static final Contexte NMH = contexte("erp.nmh", "NMH", TypeOrganisation.BAILLEUR, Set.of("044"), Role.BAILLEUR);
    static final Contexte AUTRE_BAILLEUR = contexte("erp.lnh", "LNH", TypeOrganisation.BAILLEUR, Set.of("044"),
            Role.BAILLEUR);
    static final Contexte ACTION_LOGEMENT = contexte("al44", "AL44", TypeOrganisation.GUICHET, Set.of("044"),
            Role.GUICHET);
    static final Contexte GUICHET = contexte("mairie", "MAIRIE", TypeOrganisation.GUICHET, Set.of("044"),
            Role.GUICHET);
    static final Contexte GESTIONNAIRE_85 = contexte("gest85", "DDETS85", TypeOrganisation.ETAT, Set.of("085"),
            Role.GESTIONNAIRE);
    static final Contexte OBSERVATEUR = contexte("obs", "OBS", TypeOrganisation.OBSERVATOIRE, Set.of(),
            Role.OBSERVATEUR);

    /** One territory for the class (its registration is the slow part); each test offers dwellings of its own. */
    @ClassRule
    public static final RegistreJetable base = new RegistreJetable("registre_rapprochement");

    private static final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2023-06-01T08:00:00Z"));
    private static RegistreService registre;
    private static LogementsServiceImpl logements;
    private static AttributionPostgres store;
    /** The dossiers and demands as they are now (a test that changes one updates them). */
    private static final Map<String, Dossier> dossiers = new HashMap<>();
    private static final Map<String, Demande> demandes = new HashMap<>();

    static Contexte contexte(String login, String organisation, TypeOrganisation type, Set<String> territoires,
                             Role role) {
        return new Contexte(new Identite(login, new Organisation(organisation, type, organisation, null, true,
                territoires), EnumSet.of(role)), Canal.REST);
    }

    @BeforeClass
    public static void territoire() {
        registre = base.base().registre(horloge);
        store = new AttributionPostgres(base.base().base(), new org.registrehub.json.internal.JacksonJsonCodec());
        logements = new LogementsServiceImpl(store, horloge);
        Random r = new Random(20261206);
        LocalDate aujourdhui = LocalDate.now(ZoneId.of("Europe/Paris"));
        for (int n = 0; n < 260; n++) {
            horloge.jour(LocalDate.of(2023, 6, 1).plusDays(n * 4L).toString());
            Dossier d = TerritoireGenere.dossier(r, n, aujourdhui);
            Demande demande = registre.enregistrer(new NouvelleDemande("G1104", d), GESTIONNAIRE);
            dossiers.put(demande.numeroUnique(), d);
            demandes.put(demande.numeroUnique(), demande);
        }
        horloge.jour("2026-12-01");
    }

    private static RapprochementServiceImpl rapprochement(Map<String, Object> configuration) {
        return new RapprochementServiceImpl(logements, store, horloge,
                ReglesAttribution.lire(configuration));
    }

    private static DeclarationLogement logement(String rpls, String commune, Typologie t, int etage, boolean ascenseur,
                                                Accessibilite a, String loyer, String charges, Financement f,
                                                Reservataire reservataire) {
        return new DeclarationLogement(rpls, null, "3 rue de Strasbourg", commune, t, new BigDecimal("68.5"), etage,
                ascenseur, a, new BigDecimal(loyer), new BigDecimal(charges), f, reservataire,
                LocalDate.of(2027, 1, 15));
    }

    private static final Reservataire AL44 = new Reservataire(TypeReservataire.ACTION_LOGEMENT, "AL44");

    /** The expected candidates, ranked, computed by the test from the dossiers. */
    private List<String> attendus(TerritoireGenere.Logement l, Set<String> dalo) {
        List<TerritoireGenere.Attendu> a = new ArrayList<>();
        LocalDate jour = LocalDate.now(ZoneId.of("Europe/Paris"));
        for (Demande d : demandes.values()) {
            TerritoireGenere.Attendu x = TerritoireGenere.attendu(d.numeroUnique(), d.dateDepot(),
                    dossiers.get(d.numeroUnique()), l, dalo.contains(d.numeroUnique()), jour);
            if (x != null) {
                a.add(x);
            }
        }
        a.sort(TerritoireGenere.CLASSEMENT);
        return a.stream().map(TerritoireGenere.Attendu::numero).toList();
    }

    @Test
    public void lesCandidatsSontCeuxQueLeTestCalculeDansLeMemeOrdre() {
        LogementOffert t3 = logements.declarer(logement("RPLS4410900301", "44109", Typologie.T3, 3, false,
                Accessibilite.NON, "455.20", "64.80", Financement.PLUS, AL44), NMH);
        LogementOffert t2 = logements.declarer(logement("RPLS4416200012", "44162", Typologie.T2, 0, false,
                Accessibilite.ADAPTE, "360.00", "40.00", Financement.PLAI, AL44), NMH);
        // a DALO household recognised by the national register comes first wherever it is a candidate
        String dalo = demandes.keySet().stream().sorted().skip(17).findFirst().orElseThrow();
        base.db().count("INSERT INTO recours_dalo (numero_unique, date_recours, decision, origine, signale_le)"
                + " VALUES ('" + dalo + "', '2025-02-01', 'PRIORITAIRE_URGENT', 'COMED 44', now()) RETURNING 1");
        RapprochementServiceImpl service = rapprochement(Map.of());

        Rapprochement r3 = service.rapprocher(t3.identifiantRpls(), 200, NMH);
        List<String> attendus3 = attendus(new TerritoireGenere.Logement("44109", Typologie.T3,
                new BigDecimal("520.00"), 3, false, "NON", TerritoireGenere.PLUS_2024, 2, 4), Set.of(dalo));
        assertThat("un territoire généré qui donne des candidats", attendus3.size(), greaterThan(5));
        assertEquals(attendus3, r3.candidats().stream().map(CandidatRapproche::numeroUnique).toList());
        assertEquals(attendus3.size(), r3.eligibles());

        Rapprochement r2 = service.rapprocher(t2.identifiantRpls(), 200, ACTION_LOGEMENT);
        List<String> attendus2 = attendus(new TerritoireGenere.Logement("44162", Typologie.T2,
                new BigDecimal("400.00"), 0, false, "ADAPTE", TerritoireGenere.PLAI_2024, 1, 3), Set.of(dalo));
        assertThat(attendus2.size(), greaterThan(2));
        assertEquals(attendus2, r2.candidats().stream().map(CandidatRapproche::numeroUnique).toList());
        assertEquals(attendus2.size(), r2.eligibles());

        // a shorter list is the head of the same ranking; the count still tells every eligible demand
        Rapprochement tete = service.rapprocher(t3.identifiantRpls(), 3, GESTIONNAIRE);
        assertEquals(attendus3.subList(0, 3), tete.candidats().stream().map(CandidatRapproche::numeroUnique).toList());
        assertEquals(attendus3.size(), tete.eligibles());
    }

    @Test
    public void chaqueCandidatEstExpliqueCritereParCritere() {
        LogementOffert t3 = logements.declarer(logement("RPLS4410900302", "44109", Typologie.T3, 3, false,
                Accessibilite.NON, "455.20", "64.80", Financement.PLUS, AL44), NMH);
        Contexte nmh = contexte("erp.nmh.audit", "NMH", TypeOrganisation.BAILLEUR, Set.of("044"), Role.BAILLEUR);
        Rapprochement r = rapprochement(Map.of()).rapprocher(t3.identifiantRpls(), 200, nmh);
        assertEquals(2024, r.plafond().annee());
        assertEquals("AUTRES_REGIONS", r.plafond().zone());
        CandidatRapproche c = r.candidats().get(0);
        assertEquals(1, c.rang());
        assertEquals(List.of(CritereRapprochement.values()), c.constats().stream().map(Constat::critere).toList());
        Map<CritereRapprochement, Constat> parCritere = new HashMap<>();
        c.constats().forEach(k -> parCritere.put(k.critere(), k));
        Dossier d = dossiers.get(c.numeroUnique());
        BigDecimal ressources = d.ressources().stream().map(x -> x.montantMensuel()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal taux = new BigDecimal("52000.00").divide(ressources, 1, java.math.RoundingMode.HALF_UP);
        assertEquals(taux, c.tauxEffort());
        assertThat(parCritere.get(CritereRapprochement.TAUX_EFFORT).explication(), containsString(
                taux.toPlainString() + " % (au plus 33 %)"));
        assertEquals(Verdict.SATISFAIT, parCritere.get(CritereRapprochement.TAUX_EFFORT).verdict());
        assertTrue(parCritere.get(CritereRapprochement.TAUX_EFFORT).eliminatoire());
        assertThat(parCritere.get(CritereRapprochement.COMMUNE).explication(), containsString("commune 44109 souhaitée"
                + " en " + (d.logementRecherche().communes().indexOf("44109") == 0 ? "1er" : (d.logementRecherche()
                .communes().indexOf("44109") + 1) + "e") + " choix"));
        long plafond = TerritoireGenere.PLUS_2024[c.tailleMenage() - 1];
        assertEquals(plafond, c.plafond());
        assertEquals(d.revenuFiscal() == null ? Verdict.A_VERIFIER : Verdict.SATISFAIT,
                parCritere.get(CritereRapprochement.PLAFOND_RESSOURCES).verdict());
        assertEquals(Verdict.INFORMATIF, parCritere.get(CritereRapprochement.ANCIENNETE).verdict());
        assertFalse(parCritere.get(CritereRapprochement.LOYER_MAX).eliminatoire());
        // a nominative read: audited with the candidates listed
        assertEquals(1, base.db().count("SELECT count(*) FROM audit WHERE operation = 'RAPPROCHEMENT' AND acteur ="
                + " 'erp.nmh.audit' AND details LIKE '%" + c.numeroUnique() + "%'"));
    }

    @Test
    public void lesCriteresEtLeClassementSeConfigurentParTerritoire() {
        LogementOffert t3 = logements.declarer(logement("RPLS4410900303", "44109", Typologie.T3, 3, false,
                Accessibilite.NON, "455.20", "64.80", Financement.PLUS, AL44), NMH);
        Rapprochement defaut = rapprochement(Map.of()).rapprocher(t3.identifiantRpls(), 200, NMH);
        // Loire-Atlantique keeps only occupation as eliminatory and ranks by ancienneté alone
        Rapprochement propre = rapprochement(Map.of("territoire.044.criteres.eliminatoires", "OCCUPATION",
                "territoire.044.classement", "ANCIENNETE")).rapprocher(t3.identifiantRpls(), 200, NMH);
        assertThat(propre.eligibles(), greaterThan(defaut.eligibles()));
        assertEquals(Set.of(CritereRapprochement.OCCUPATION), propre.regles().eliminatoires());
        List<LocalDate> depots = propre.candidats().stream().map(CandidatRapproche::dateDepot).toList();
        assertEquals(depots.stream().sorted().toList(), depots);
        assertTrue("des candidats montrés malgré un critère non satisfait", propre.candidats().stream()
                .flatMap(c -> c.constats().stream()).anyMatch(k -> k.verdict() == Verdict.NON_SATISFAIT
                        && !k.eliminatoire()));
        // another département keeps the defaults
        assertEquals(defaut.regles().eliminatoires(), rapprochement(Map.of("territoire.044.criteres.eliminatoires",
                "OCCUPATION")).regles("085").eliminatoires());
    }

    @Test
    public void uneDemandeModifieeOuRadieeChangeLesCandidatsAussitot() {
        LogementOffert t3 = logements.declarer(logement("RPLS4410900304", "44109", Typologie.T3, 3, false,
                Accessibilite.NON, "455.20", "64.80", Financement.PLUS, AL44), NMH);
        RapprochementServiceImpl service = rapprochement(Map.of());
        List<CandidatRapproche> avant = service.rapprocher(t3.identifiantRpls(), 200, NMH).candidats();
        String modifiee = avant.get(0).numeroUnique();
        String radiee = avant.get(1).numeroUnique();
        Dossier d = dossiers.get(modifiee);
        Demande lue = registre.consulter(modifiee, GESTIONNAIRE).orElseThrow();
        Dossier riche = new Dossier(d.demandeur(), d.coDemandeur(), d.personnesACharge(), d.contact(),
                d.situationFamiliale(), d.ressources(), new RevenuFiscal(95000, null), d.logementActuel(), d.motifs(),
                d.logementRecherche(), d.handicap());
        dossiers.put(modifiee, riche);
        registre.modifier(modifiee, lue.version(), riche, GESTIONNAIRE);
        Demande r = registre.consulter(radiee, GESTIONNAIRE).orElseThrow();
        registre.radier(radiee, r.version(), new DemandeRadiation(MotifRadiation.ABANDON, null, null, "renonce"),
                GESTIONNAIRE);
        demandes.remove(radiee);
        List<String> apres = service.rapprocher(t3.identifiantRpls(), 200, NMH).candidats().stream()
                .map(CandidatRapproche::numeroUnique).toList();
        assertFalse("revenu au-dessus du plafond", apres.contains(modifiee));
        assertFalse("radiée", apres.contains(radiee));
        assertEquals(avant.size() - 2, apres.size());
    }

    @Test
    public void seulsLeBailleurLeReservataireEtLesGestionnairesDuTerritoireVoientLeLogement() {
        LogementOffert t3 = logements.declarer(logement("RPLS4410900305", "44109", Typologie.T3, 3, false,
                Accessibilite.NON, "455.20", "64.80", Financement.PLUS, AL44), NMH);
        RapprochementServiceImpl service = rapprochement(Map.of());
        for (Contexte permis : List.of(NMH, ACTION_LOGEMENT, GESTIONNAIRE)) {
            assertEquals(t3.identifiantRpls(), service.rapprocher(t3.identifiantRpls(), 5, permis).logement()
                    .identifiantRpls());
        }
        for (Contexte refuse : List.of(AUTRE_BAILLEUR, GUICHET, GESTIONNAIRE_85, OBSERVATEUR)) {
            assertThrows(refuse.acteur(), AccesRefuseException.class, () -> service.rapprocher(t3.identifiantRpls(),
                    5, refuse));
        }
        assertTrue(logements.logements(null, null, ACTION_LOGEMENT).stream().map(LogementOffert::identifiantRpls)
                .toList().contains(t3.identifiantRpls()));
        assertTrue(logements.logements(null, null, ACTION_LOGEMENT).stream().allMatch(l -> l.reservataire()
                .organisation().equals("AL44")));
        assertEquals(List.of(), logements.logements(null, null, AUTRE_BAILLEUR));
        assertEquals(List.of(), logements.logements(null, null, GESTIONNAIRE_85));
        AccesRefuseException e = assertThrows(AccesRefuseException.class, () -> logements.declarer(logement(
                "RPLS8519100001", "85191", Typologie.T2, 1, true, Accessibilite.NON, "400", "50", Financement.PLUS,
                AL44), NMH));
        assertThat(e.getMessage(), containsString("85191"));
        assertThrows(AccesRefuseException.class, () -> logements.retirer(t3.identifiantRpls(), "vendu",
                AUTRE_BAILLEUR));
    }

    @Test
    public void unLogementSeDeclareUneFoisSeRetireEtGardeSonHistorique() {
        DemandeInvalideException invalide = assertThrows(DemandeInvalideException.class, () -> logements.declarer(
                new DeclarationLogement("RPLS-1", null, " ", "4410", null, new BigDecimal("-3"), 99, null, null,
                        new BigDecimal("0"), new BigDecimal("12.345"), null, new Reservataire(null, ""), null), NMH));
        assertEquals(List.of("identifiantRpls", "adresse", "commune", "typologie", "surface", "etage", "ascenseur",
                "accessibilite", "loyer", "charges", "financement", "reservataire.type", "reservataire.organisation",
                "dateDisponibilite"), invalide.getErreurs().stream().map(x -> x.champ()).toList());
        assertThat(invalide.getMessage(), containsString("Le logement est invalide"));
        assertEquals(0, base.db().count("SELECT count(*) FROM logement_offert WHERE adresse = ' '"));

        LogementOffert l = logements.declarer(logement("RPLS4410900306", "44109", Typologie.T3, 3, false,
                Accessibilite.NON, "455.20", "64.80", Financement.PLUS, AL44), NMH);
        assertEquals("NMH", l.bailleur());
        assertEquals("044", l.territoire());
        assertEquals(StatutOffre.OFFERT, l.statut());
        RegistreException deux = assertThrows(RegistreException.class, () -> logements.declarer(logement(
                "RPLS4410900306", "44109", Typologie.T3, 3, false, Accessibilite.NON, "455.20", "64.80",
                Financement.PLUS, AL44), NMH));
        assertEquals("EXISTE_DEJA", deux.getCode());

        LogementOffert retire = logements.retirer(l.identifiantRpls(), "vendu à l'occupant", NMH);
        assertEquals(StatutOffre.RETIRE, retire.statut());
        assertEquals(l.version() + 1, retire.version());
        assertThrows(TransitionInterditeException.class, () -> logements.retirer(l.identifiantRpls(), "encore", NMH));
        assertThrows(TransitionInterditeException.class, () -> rapprochement(Map.of()).rapprocher(
                l.identifiantRpls(), 5, NMH));
        assertEquals(List.of("DECLARATION", "RETRAIT"), logements.historique(l.identifiantRpls(), ACTION_LOGEMENT)
                .stream().map(e -> e.operation()).toList());
        assertEquals(2, base.db().count("SELECT count(*) FROM audit WHERE operation LIKE 'LOGEMENT_%' AND details LIKE"
                + " 'logement RPLS4410900306 %'"));
        // withdrawn, the dwelling can be offered again
        assertEquals(StatutOffre.OFFERT, logements.declarer(logement("RPLS4410900306", "44109", Typologie.T3, 3,
                false, Accessibilite.NON, "470.00", "64.80", Financement.PLUS, AL44), NMH).statut());
        // a gestionnaire names the landlord
        DemandeInvalideException sansBailleur = assertThrows(DemandeInvalideException.class, () -> logements.declarer(
                logement("RPLS4410900307", "44109", Typologie.T3, 3, false, Accessibilite.NON, "455.20", "64.80",
                        Financement.PLUS, AL44), GESTIONNAIRE));
        assertEquals("bailleur", sansBailleur.getErreurs().get(0).champ());
    }
}
