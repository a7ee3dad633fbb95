package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.AccesRefuseException;
import org.registrehub.api.Attribution;
import org.registrehub.api.Canal;
import org.registrehub.api.Contexte;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.acces.Identite;
import org.registrehub.api.acces.Organisation;
import org.registrehub.api.acces.Role;
import org.registrehub.api.acces.TypeOrganisation;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.FormatExport;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.PointQualite;
import org.registrehub.api.statistiques.TableauDemande;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.api.statistiques.TableauQualite;
import org.registrehub.api.statistiques.TendanceQualite;
import org.registrehub.testing.HorlogeReglable;

/**
 * Who reads which statistics, on a real register: the gestionnaires and observateurs read every line exact; a
 * bailleur or a guichet reads the groups of its territories only, its small counts masked; a table for diffusion is
 * masked for everyone.
 */
public class DroitsStatistiquesTest extends BaseDeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate JOUR = LocalDate.of(2026, 3, 10);
    /** A landlord of the 44, with Nantes Métropole among its territories too. */
    private static final Contexte BAILLEUR_44 = new Contexte(new Identite("bailleur.44", new Organisation("HAB44",
            TypeOrganisation.BAILLEUR, "Habitat 44", null, true, Set.of("044")), EnumSet.of(Role.BAILLEUR)),
            Canal.REST);
    private static final Contexte GUICHET_G1104 = new Contexte(new Identite("agent.g1104", new Organisation(
            "MAIRIE-NANTES", TypeOrganisation.GUICHET, "Mairie de Nantes", "G1104", true, Set.of("044")),
            EnumSet.of(Role.GUICHET)), Canal.REST);
    private static final Contexte BAILLEUR_44_85 = new Contexte(new Identite("bailleur.ouest", new Organisation(
            "OUEST", TypeOrganisation.BAILLEUR, "Ouest Habitat", null, true, Set.of("044", "085")),
            EnumSet.of(Role.BAILLEUR)), Canal.REST);

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);
    private StatistiquesServiceImpl statistiques;

    @Before
    public void setUp() {
        RegistreService registre = registre(horloge);
        statistiques = new StatistiquesServiceImpl(statistiquesStore, horloge, ReglesStatistiques.DEFAUT);
        epcis();
        horloge.jour(JOUR.toString());
        // 044: twelve demands at the G1104, two abandoned and one attributed; 085: three; 059: seven
        int n = 0;
        for (int i = 0; i < 12; i++) {
            Demande d = registre.enregistrer(new NouvelleDemande("G1104", DossiersDeTest.dossier("Droit", "Qx",
                    "44109", n++)), GESTIONNAIRE);
            if (i < 2) {
                registre.radier(d.numeroUnique(), d.version(), new DemandeRadiation(MotifRadiation.ABANDON, null,
                        null, null), GESTIONNAIRE);
            } else if (i == 2) {
                registre.radier(d.numeroUnique(), d.version(), new DemandeRadiation(MotifRadiation.ATTRIBUTION,
                        new Attribution("Habitat 44", "RPLS1", "ETAT", false), null, null), GESTIONNAIRE);
            }
        }
        for (int i = 0; i < 3; i++) {
            registre.enregistrer(new NouvelleDemande("G8501", DossiersDeTest.dossier("Droit", "Vd", "85191", n++)),
                    GESTIONNAIRE);
        }
        for (int i = 0; i < 7; i++) {
            registre.enregistrer(new NouvelleDemande("G5901", DossiersDeTest.dossier("Droit", "Nd", "59350", n++)),
                    new Contexte(new Identite("g59", new Organisation("DDETS59", TypeOrganisation.ETAT, "DDETS 59",
                            null, true, Set.of("059")), EnumSet.of(Role.GESTIONNAIRE)), Canal.REST));
        }
    }

    private static List<String> codes(TableauFlux t) {
        return t.lignes().stream().map(LigneFlux::code).toList();
    }

    @Test
    public void leCercleLitToutExact() {
        TableauFlux t = statistiques.flux(JOUR, JOUR, Granularite.DEPARTEMENT, OBSERVATEUR);
        assertEquals(List.of("044", "059", "085"), codes(t));
        assertFalse(t.secret().actif());
        assertEquals(2, t.lignes().get(0).abandon());
        assertEquals(3, t.lignes().get(2).nouvelles());
        assertEquals(codes(t), codes(statistiques.flux(JOUR, JOUR, Granularite.DEPARTEMENT, GESTIONNAIRE)));
    }

    @Test
    public void unBailleurLitSesTerritoiresSousLeSecretStatistique() {
        TableauFlux t = statistiques.flux(JOUR, JOUR, Granularite.DEPARTEMENT, BAILLEUR_44);
        assertEquals(List.of("044"), codes(t));
        assertTrue(t.secret().actif());
        LigneFlux l = t.lignes().get(0);
        assertEquals(12, l.nouvelles());
        // abandon 2 and attribution 1 are masked, and the stock at the end (9) with them: 12 - 3 = 9 would say it
        assertTrue(t.secret().masque("044", "abandon"));
        assertTrue(t.secret().masque("044", "attribution"));
        assertTrue(t.secret().masque("044", "stockFin"));
        assertEquals(0, l.abandon());
        assertEquals(0, l.attribution());
        assertEquals(0, l.stockFin());

        // by région: the 52 holds the 85 as well, not its own
        assertEquals(List.of(), codes(statistiques.flux(JOUR, JOUR, Granularite.REGION, BAILLEUR_44)));
        // by EPCI: Nantes Métropole lies in the 44, La Roche-sur-Yon's in the 85
        assertEquals(List.of("244400404"), codes(statistiques.flux(JOUR, JOUR, Granularite.EPCI, BAILLEUR_44)));
        assertEquals(List.of("244400404", "248500589"), codes(statistiques.flux(JOUR, JOUR, Granularite.EPCI,
                BAILLEUR_44_85)));
        assertEquals(List.of("44109"), codes(statistiques.flux(JOUR, JOUR, Granularite.COMMUNE, BAILLEUR_44)));
        // the stock: its lines, the 085's three demands masked for the landlord of both
        TableauFlux stock = statistiques.stock(JOUR, Granularite.DEPARTEMENT, BAILLEUR_44_85);
        assertEquals(List.of("044", "085"), codes(stock));
        assertTrue(stock.secret().masque("085", "stockFin"));

        // breakdowns, délais, satisfaction, series: the same rule
        assertEquals(List.of("044"), statistiques.repartition(Dimension.TYPOLOGIE, Granularite.DEPARTEMENT,
                BAILLEUR_44).lignes().stream().map(r -> r.code()).toList());
        assertTrue(statistiques.delaisAnormalementLongs(BAILLEUR_44).lignes().stream()
                .allMatch(d -> d.departement().equals("044")));
        assertTrue(statistiques.satisfaction(JOUR, JOUR, Granularite.DEPARTEMENT, BAILLEUR_44).secret()
                .masque("044", "delaiMoyenMois"));
        assertEquals("044", statistiques.serieMensuelle(JOUR, JOUR, null, BAILLEUR_44).departement());
        AccesRefuseException ailleurs = assertThrows(AccesRefuseException.class,
                () -> statistiques.serieMensuelle(JOUR, JOUR, "059", BAILLEUR_44));
        assertTrue(ailleurs.getMessage(), ailleurs.getMessage().contains("044") && ailleurs.getMessage()
                .contains("059"));
        AccesRefuseException lequel = assertThrows(AccesRefuseException.class,
                () -> statistiques.serieMensuelle(JOUR, JOUR, null, BAILLEUR_44_85));
        assertTrue(lequel.getMessage(), lequel.getMessage().contains("departement"));
    }

    @Test
    public void unGuichetLitSesPropresLignesDeGuichet() {
        assertEquals(List.of("G1104"), codes(statistiques.flux(JOUR, JOUR, Granularite.GUICHET, GUICHET_G1104)));
        assertEquals(List.of("G1104"), statistiques.qualite(GUICHET_G1104).lignes().stream().map(l -> l.guichet())
                .toList());
        assertEquals(3, statistiques.qualite(OBSERVATEUR).lignes().size());
        // a landlord without a guichet code has no guichet line
        assertEquals(List.of(), codes(statistiques.flux(JOUR, JOUR, Granularite.GUICHET, BAILLEUR_44)));
    }

    /**
     * The quality indicators are kept month by month (a month without a photograph has no point, the month's last one
     * counts), read by guichet within the caller's perimeter, with the targets a gestionnaire sets in its département.
     */
    @Test
    public void laQualiteSeGardeMoisParMoisAvecLesCiblesDuDepartement() {
        statistiques.photographierQualite(LocalDate.of(2026, 1, 31));
        statistiques.photographierQualite(JOUR.minusDays(1));
        statistiques.photographierQualite(JOUR);
        TableauQualite maintenant = statistiques.qualite(GESTIONNAIRE);
        java.time.YearMonth janvier = java.time.YearMonth.of(2026, 1);
        java.time.YearMonth mars = java.time.YearMonth.of(2026, 3);
        TendanceQualite t = statistiques.tendanceQualite(null, janvier, mars, GESTIONNAIRE);
        assertEquals(List.of(janvier, mars), t.mois().stream().map(PointQualite::mois).toList());
        PointQualite dernier = t.mois().get(1);
        assertEquals(maintenant.total().actives(), dernier.actives());
        for (IndicateurQualite i : IndicateurQualite.values()) {
            assertEquals(i.name(), Long.valueOf(maintenant.total().valeur(i)), dernier.valeurs().get(i));
        }
        // a guichet reads its own line only; its département's targets apply
        TendanceQualite g1104 = statistiques.tendanceQualite("G1104", janvier, mars, GUICHET_G1104);
        assertEquals(maintenant.lignes().stream().filter(l -> l.guichet().equals("G1104")).findFirst().orElseThrow()
                .actives(), g1104.mois().get(1).actives());
        assertEquals("044", g1104.territoire());
        assertThrows(AccesRefuseException.class, () -> statistiques.tendanceQualite("G8501", janvier, mars,
                GUICHET_G1104));
        DemandeInvalideException periode = assertThrows(DemandeInvalideException.class,
                () -> statistiques.tendanceQualite(null, mars, janvier, GESTIONNAIRE));
        assertEquals("fin", periode.getErreurs().get(0).champ());

        assertEquals(Map.of(IndicateurQualite.NIR_ABSENT, new BigDecimal("10.00")), statistiques.definirCibleQualite(
                "044", IndicateurQualite.NIR_ABSENT, new BigDecimal("10"), GESTIONNAIRE));
        assertEquals(new BigDecimal("10.00"), statistiques.tendanceQualite("G1104", janvier, mars, GUICHET_G1104)
                .cibles().get(IndicateurQualite.NIR_ABSENT));
        assertThrows(AccesRefuseException.class, () -> statistiques.definirCibleQualite("044",
                IndicateurQualite.NIR_ABSENT, BigDecimal.ONE, GUICHET_G1104));
        DemandeInvalideException hors = assertThrows(DemandeInvalideException.class,
                () -> statistiques.definirCibleQualite("044", IndicateurQualite.NIR_ABSENT, new BigDecimal("120"),
                        GESTIONNAIRE));
        assertEquals("cible", hors.getErreurs().get(0).champ());
        assertEquals(Map.of(), statistiques.definirCibleQualite("044", IndicateurQualite.NIR_ABSENT, null,
                GESTIONNAIRE));
        assertEquals(2, db.count("SELECT count(*) FROM audit WHERE operation = 'CIBLE_QUALITE' AND territoire ="
                + " '044'"));
    }

    @Test
    public void unFichierPourDiffusionEstMasquePourToutLeMonde() {
        RapportStatistiquesImpl rapport = new RapportStatistiquesImpl(statistiques, horloge);
        String exact = new String(rapport.exporter(new TableauDemande("flux", JOUR, JOUR, Granularite.DEPARTEMENT,
                null, null), FormatExport.CSV, GESTIONNAIRE), StandardCharsets.UTF_8);
        assertTrue(exact, exact.contains("044;0;12;0;0;3;2;1;0;0;0;0;0;9"));
        String diffuse = new String(rapport.exporter(new TableauDemande("flux", JOUR, JOUR, Granularite.DEPARTEMENT,
                null, null, true), FormatExport.CSV, GESTIONNAIRE), StandardCharsets.UTF_8);
        assertTrue(diffuse, diffuse.contains("044;0;12;0;0;secret;secret;secret;0;0;0;0;0;secret"));
        assertTrue(diffuse, diffuse.contains("085;0;secret;"));
        assertFalse(diffuse, diffuse.contains(";9\r\n") || diffuse.contains(";9\n"));
        // a partner's file is masked whether asked or not
        String bailleur = new String(rapport.exporter(new TableauDemande("flux", JOUR, JOUR,
                Granularite.DEPARTEMENT, null, null), FormatExport.CSV, BAILLEUR_44), StandardCharsets.UTF_8);
        assertTrue(bailleur, bailleur.contains("044;0;12;0;0;secret;secret;secret;"));
        assertFalse(bailleur, bailleur.contains("085") || bailleur.contains("059"));
        // and its PNG chart is drawn without the masked cells
        assertTrue(rapport.exporter(new TableauDemande("flux", JOUR, JOUR, Granularite.DEPARTEMENT, null, null),
                FormatExport.PNG, BAILLEUR_44).length > 1000);
    }

    @Test
    public void sansPeriodeLesFichiersVontJusquAAujourdhui() {
        assertEquals(new org.registrehub.api.statistiques.Periode(LocalDate.of(2025, 12, 7), LocalDate.of(2026, 12, 6)),
                org.registrehub.api.statistiques.Periode.parDefaut(LocalDate.of(2026, 12, 6)));
        // the registrations of today (2026-03-10) are in the default period of every channel
        RapportStatistiquesImpl rapport = new RapportStatistiquesImpl(statistiques, horloge);
        String csv = new String(rapport.exporter(new TableauDemande("flux", null, null, null, null, null),
                FormatExport.CSV, OBSERVATEUR), StandardCharsets.UTF_8);
        assertTrue(csv, csv.contains("044;0;12;0;0;3;2;1;0;0;0;0;0;9"));
        assertTrue(rapport.rapportHtml(null, null, null, null, OBSERVATEUR).contains("du 2025-03-11 au 2026-03-10"));
    }
}
