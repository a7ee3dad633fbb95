package org.registrehub.attribution.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.ErreurChamp;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.TransitionInterditeException;
import org.registrehub.api.Typologie;
import org.registrehub.api.attribution.Accessibilite;
import org.registrehub.api.attribution.CandidatDesigne;
import org.registrehub.api.attribution.Candidature;
import org.registrehub.api.attribution.DeclarationLogement;
import org.registrehub.api.attribution.Designation;
import org.registrehub.api.attribution.Financement;
import org.registrehub.api.attribution.MotifMoinsDeTrois;
import org.registrehub.api.attribution.Reservataire;
import org.registrehub.api.attribution.StatutCandidature;
import org.registrehub.api.attribution.StatutOffre;
import org.registrehub.api.attribution.TypeReservataire;
import org.registrehub.api.attribution.spi.CandidatureStore;
import org.registrehub.testing.HorlogeReglable;
import org.registrehub.testing.registre.RegistreJetable;

/**
 * Designation of candidates on PostgreSQL with the real register: three at most, ranks once, a reason for fewer, a
 * demand designated by two landlords flagged, a radiated demand refused, rights, all or nothing.
 */
public class CandidaturesPostgresTest {

    @Rule
    public final RegistreJetable base = new RegistreJetable("registre_candidatures");

    private final HorlogeReglable horloge = new HorlogeReglable(ZoneId.of("Europe/Paris"),
            Instant.parse("2026-12-01T08:00:00Z"));
    private RegistreService registre;
    private LogementsServiceImpl logements;
    private CandidaturesServiceImpl candidatures;
    private AttributionPostgres store;
    private final List<String> numeros = new ArrayList<>();

    @Before
    public void territoire() {
        registre = base.base().registre(horloge);
        store = new AttributionPostgres(base.base().base(), new org.registrehub.json.internal.JacksonJsonCodec());
        logements = new LogementsServiceImpl(store, horloge);
        candidatures = new CandidaturesServiceImpl(logements, store, horloge);
        Random r = new Random(3);
        for (int n = 0; n < 6; n++) {
            numeros.add(registre.enregistrer(new NouvelleDemande("G1104", TerritoireGenere.dossier(r, n,
                    LocalDate.now())), RapprochementPostgresTest.GESTIONNAIRE).numeroUnique());
        }
    }

    private String logement(String rpls, org.registrehub.api.Contexte bailleur) {
        return logements.declarer(new DeclarationLogement(rpls, null, "2 quai de la Fosse", "44109", Typologie.T3,
                new BigDecimal("64"), 2, true, Accessibilite.ACCESSIBLE, new BigDecimal("470"), new BigDecimal("60"),
                Financement.PLUS, new Reservataire(TypeReservataire.ACTION_LOGEMENT, "AL44"),
                LocalDate.of(2027, 1, 1)), bailleur).identifiantRpls();
    }

    private static Designation designation(MotifMoinsDeTrois motif, Object... numerosEtRangs) {
        List<CandidatDesigne> c = new ArrayList<>();
        for (int i = 0; i < numerosEtRangs.length; i += 2) {
            c.add(new CandidatDesigne((String) numerosEtRangs[i], (Integer) numerosEtRangs[i + 1]));
        }
        return new Designation(c, motif, "CAL du 15 décembre");
    }

    private static List<String> champs(DemandeInvalideException e) {
        return e.getErreurs().stream().map(ErreurChamp::champ).toList();
    }

    @Test
    public void troisCandidatsAuPlusClassesEtMoinsDeTroisAvecUnMotif() {
        String rpls = logement("RPLS441090500", RapprochementPostgresTest.NMH);
        DemandeInvalideException sansMotif = assertThrows(DemandeInvalideException.class, () -> candidatures.designer(
                rpls, designation(null, numeros.get(0), 1, numeros.get(1), 2), RapprochementPostgresTest.NMH));
        assertEquals(List.of("motifMoinsDeTrois"), champs(sansMotif));

        List<Candidature> deux = candidatures.designer(rpls, designation(MotifMoinsDeTrois.DEMANDE_INSUFFISANTE,
                numeros.get(0), 1, numeros.get(1), 2), RapprochementPostgresTest.NMH);
        assertEquals(List.of(numeros.get(0), numeros.get(1)), deux.stream().map(Candidature::numeroUnique).toList());
        assertTrue(deux.stream().allMatch(c -> c.statut() == StatutCandidature.PROPOSEE && c.designePar().equals("NMH")));
        assertEquals(StatutOffre.CANDIDATS_PROPOSES, logements.logement(rpls, RapprochementPostgresTest.NMH).statut());
        // the demands' follow-up and the dwelling's history
        assertEquals(2, base.db().count("SELECT count(*) FROM suivi_attribution WHERE nature = 'PROPOSITION' AND"
                + " identifiant_rpls = '" + rpls + "'"));
        assertEquals(List.of("DECLARATION", "DESIGNATION"), logements.historique(rpls, RapprochementPostgresTest.NMH)
                .stream().map(e -> e.operation()).toList());
        assertEquals(2, base.db().count("SELECT count(*) FROM audit WHERE operation = 'DESIGNATION'"));

        // a fourth candidate, a rank taken, a demand twice: refused, each named, nothing written
        DemandeInvalideException quatre = assertThrows(DemandeInvalideException.class, () -> candidatures.designer(
                rpls, designation(null, numeros.get(2), 3, numeros.get(3), 1), RapprochementPostgresTest.NMH));
        assertEquals(List.of("candidats", "candidats[1].rang"), champs(quatre));
        DemandeInvalideException deuxFois = assertThrows(DemandeInvalideException.class, () -> candidatures.designer(
                rpls, designation(null, numeros.get(0), 3), RapprochementPostgresTest.NMH));
        assertEquals(List.of("candidats[0].numeroUnique"), champs(deuxFois));
        assertEquals(2, base.db().count("SELECT count(*) FROM candidature"));

        // the third: three candidates, no reason needed any more
        candidatures.designer(rpls, designation(null, numeros.get(2), 3), RapprochementPostgresTest.ACTION_LOGEMENT);
        assertEquals(List.of(1, 2, 3), candidatures.candidatures(rpls, RapprochementPostgresTest.GESTIONNAIRE)
                .stream().map(Candidature::rang).toList());
        assertEquals(0, base.db().count("SELECT count(*) FROM logement_offert WHERE motif_moins_de_trois IS NOT NULL"));
        // withdrawn, the dwelling's proposals are cancelled: the demands are free for another
        logements.retirer(rpls, "vendu", RapprochementPostgresTest.NMH);
        assertTrue(candidatures.candidatures(rpls, RapprochementPostgresTest.NMH).stream()
                .allMatch(c -> c.statut() == StatutCandidature.ANNULEE));
    }

    @Test
    public void uneDemandeDesigneeParDeuxBailleursEstSignaleeUneRadieeRefusee() {
        String nmh = logement("RPLS441090501", RapprochementPostgresTest.NMH);
        String lnh = logement("RPLS441090502", RapprochementPostgresTest.AUTRE_BAILLEUR);
        candidatures.designer(nmh, designation(MotifMoinsDeTrois.DALO, numeros.get(0), 1),
                RapprochementPostgresTest.NMH);
        List<Candidature> ailleurs = candidatures.designer(lnh, designation(MotifMoinsDeTrois.DEMANDE_INSUFFISANTE,
                numeros.get(0), 1), RapprochementPostgresTest.AUTRE_BAILLEUR);
        assertEquals(List.of(nmh), ailleurs.get(0).designeeAilleurs());
        assertEquals(List.of(lnh), candidatures.candidatures(nmh, RapprochementPostgresTest.NMH).get(0)
                .designeeAilleurs());

        var radiee = registre.consulter(numeros.get(4), RapprochementPostgresTest.GESTIONNAIRE).orElseThrow();
        registre.radier(radiee.numeroUnique(), radiee.version(), new DemandeRadiation(MotifRadiation.ABANDON, null,
                null, "renonce"), RapprochementPostgresTest.GESTIONNAIRE);
        assertThrows(TransitionInterditeException.class, () -> candidatures.designer(nmh, designation(
                MotifMoinsDeTrois.DALO, numeros.get(4), 2), RapprochementPostgresTest.NMH));
        // another landlord, neither owner nor réservataire, does not designate
        assertThrows(AccesRefuseException.class, () -> candidatures.designer(nmh, designation(MotifMoinsDeTrois.DALO,
                numeros.get(5), 2), RapprochementPostgresTest.AUTRE_BAILLEUR));
        // a designation on a stale version writes nothing
        long avant = base.db().count("SELECT count(*) FROM candidature");
        assertThrows(TransitionInterditeException.class, () -> store.designer(nmh, 0, MotifMoinsDeTrois.DALO,
                List.of(new CandidatureStore.Nouvelle(numeros.get(5), 2, "NMH", "erp.nmh",
                        org.registrehub.api.Canal.REST, Instant.now())), new CandidatureStore.Suivi("NMH",
                        LocalDate.now(), null), LogementsServiceImpl.evenement(RapprochementPostgresTest.NMH,
                        Instant.now(), "DESIGNATION", StatutOffre.CANDIDATS_PROPOSES, "test"), List.of(), null));
        assertEquals(avant, base.db().count("SELECT count(*) FROM candidature"));
    }

    @Test
    public void leBailSigneLoueLeLogementEtCloLesAutresCandidatures() {
        String loue = logement("RPLS441090503", RapprochementPostgresTest.NMH);
        String autre = logement("RPLS441090504", RapprochementPostgresTest.AUTRE_BAILLEUR);
        candidatures.designer(loue, designation(null, numeros.get(0), 1, numeros.get(1), 2, numeros.get(2), 3),
                RapprochementPostgresTest.NMH);
        candidatures.designer(autre, designation(MotifMoinsDeTrois.DEMANDE_INSUFFISANTE, numeros.get(0), 1,
                numeros.get(3), 2), RapprochementPostgresTest.AUTRE_BAILLEUR);
        // the lease, as the ERP's bailSigne or a REST radiation for attribution records it
        base.base().attribution(registre, horloge).signerBail(numeros.get(0), loue, "ACTION_LOGEMENT", false,
                LocalDate.of(2026, 11, 30), "entrée le 1er décembre", RapprochementPostgresTest.NMH);
        assertEquals(StatutOffre.ATTRIBUE, logements.logement(loue, RapprochementPostgresTest.NMH).statut());
        assertEquals(List.of(StatutCandidature.BAIL_SIGNE, StatutCandidature.ANNULEE, StatutCandidature.ANNULEE),
                candidatures.candidatures(loue, RapprochementPostgresTest.NMH).stream().map(Candidature::statut)
                        .toList());
        assertEquals(List.of("DECLARATION", "DESIGNATION", "BAIL_SIGNE"), logements.historique(loue,
                RapprochementPostgresTest.NMH).stream().map(e -> e.operation()).toList());
        // elsewhere, the radiated demand's candidature is cancelled; the other candidate stays proposed
        assertEquals(List.of(StatutCandidature.ANNULEE, StatutCandidature.PROPOSEE), candidatures.candidatures(autre,
                RapprochementPostgresTest.AUTRE_BAILLEUR).stream().map(Candidature::statut).toList());
        // a demand given up: its candidature ends too
        var abandon = registre.consulter(numeros.get(3), RapprochementPostgresTest.GESTIONNAIRE).orElseThrow();
        registre.radier(abandon.numeroUnique(), abandon.version(), new DemandeRadiation(MotifRadiation.ABANDON, null,
                null, "a trouvé ailleurs"), RapprochementPostgresTest.GESTIONNAIRE);
        assertEquals(List.of(StatutCandidature.ANNULEE, StatutCandidature.ANNULEE), candidatures.candidatures(autre,
                RapprochementPostgresTest.AUTRE_BAILLEUR).stream().map(Candidature::statut).toList());
        assertEquals(StatutOffre.CANDIDATS_PROPOSES, logements.logement(autre, RapprochementPostgresTest.AUTRE_BAILLEUR)
                .statut());
    }
}
