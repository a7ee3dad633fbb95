package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.Test;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.LigneRepartition;
import org.registrehub.api.statistiques.Repartition;
import org.registrehub.api.statistiques.LigneFlux;
import org.registrehub.api.statistiques.TableauFlux;

/**
 * The reference table of the domain (Nord-Pas-de-Calais, 1 October 2013 - 30 September 2014): demands and their
 * history generated in the database to match its figures (a registration entry for each demand, a radiation entry
 * with its reason for each radiated one: the history's trigger writes the movements as in the hub), then the table
 * of the period by département and by région reproduces every figure.
 */
public class TableauDeReferenceTest extends BaseDeTest {

    private static final LocalDate DEBUT = LocalDate.of(2013, 10, 1);
    private static final LocalDate FIN = LocalDate.of(2014, 9, 30);

    /** stock start, new, abandon, attribution, irrecevabilité, non-renouvellement, non-réponse, stock end. */
    private static final long[] NORD = {90_584, 62_683, 938, 27_369, 34, 35_974, 9, 88_943};
    private static final long[] PAS_DE_CALAIS = {36_996, 35_133, 820, 14_636, 4, 17_737, 7, 38_925};
    private static final long[] REGION = {127_580, 97_816, 1_758, 42_005, 38, 53_711, 16, 127_868};

    /**
     * The demands of a département: its stock at the start registered in June 2013, the new ones spread over the
     * period's 365 days; radiations (of stock demands, spread over the period) by reason.
     */
    private static void generer(Connection c, String territoire, String guichet, String commune, long[] f)
            throws Exception {
        long stock = f[0];
        long nouvelles = f[1];
        try (PreparedStatement p = c.prepareStatement("INSERT INTO demande (numero_unique, nom, prenoms,"
                + " date_naissance, commune, typologie, guichet, date_depot, statut, canal_creation, territoire,"
                + " date_validite, dossier, communes, typologies)"
                + " SELECT ? || to_char(j, 'MMYY') || lpad(i::text, 6, '0') || ?, 'GENERE', 'Demande',"
                + " DATE '1980-01-01', ?, 'T3', ?, j, 'ACTIVE', 'REST', ?, j + 365, '{}'::jsonb, ARRAY[?],"
                + " ARRAY['T3']"
                + " FROM (SELECT i, CASE WHEN i <= ? THEN DATE '2013-06-15'"
                + " ELSE DATE '2013-10-01' + ((i - ?) % 365)::int END AS j FROM generate_series(1, ?) i) x")) {
            p.setString(1, territoire);
            p.setString(2, guichet);
            p.setString(3, commune);
            p.setString(4, guichet);
            p.setString(5, territoire);
            p.setString(6, commune);
            p.setLong(7, stock);
            p.setLong(8, stock);
            p.setLong(9, stock + nouvelles);
            assertEquals(stock + nouvelles, p.executeUpdate());
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO demande_historique (numero_unique, version,"
                + " horodatage, operation, acteur, canal, changements)"
                + " SELECT numero_unique, 0, (date_depot + TIME '10:00') AT TIME ZONE 'Europe/Paris',"
                + " 'ENREGISTREMENT', 'generateur', 'REST', '[]'::jsonb FROM demande WHERE territoire = ?"
                + " ORDER BY numero_unique")) {
            p.setString(1, territoire);
            p.executeUpdate();
        }
        long a = f[2];
        long b = a + f[3];
        long i = b + f[4];
        long n = i + f[5];
        long r = n + f[6];
        try (PreparedStatement p = c.prepareStatement("WITH r AS (SELECT numero_unique,"
                + " row_number() OVER (ORDER BY numero_unique) AS k FROM demande"
                + " WHERE territoire = ? AND date_depot = DATE '2013-06-15' ORDER BY numero_unique LIMIT ?)"
                + " UPDATE demande d SET statut = 'RADIEE', version = 1, date_radiation = DATE '2013-10-01'"
                + " + (r.k % 365)::int, motif_radiation = CASE WHEN r.k <= ? THEN 'ABANDON'"
                + " WHEN r.k <= ? THEN 'ATTRIBUTION' WHEN r.k <= ? THEN 'IRRECEVABILITE'"
                + " WHEN r.k <= ? THEN 'NON_RENOUVELLEMENT' ELSE 'NON_REPONSE' END"
                + " FROM r WHERE d.numero_unique = r.numero_unique")) {
            p.setString(1, territoire);
            p.setLong(2, r);
            p.setLong(3, a);
            p.setLong(4, b);
            p.setLong(5, i);
            p.setLong(6, n);
            assertEquals(r, p.executeUpdate());
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO demande_historique (numero_unique, version,"
                + " horodatage, operation, acteur, canal, changements)"
                + " SELECT numero_unique, 1, (date_radiation + TIME '10:00') AT TIME ZONE 'Europe/Paris',"
                + " 'RADIATION', 'generateur', 'REST', '[]'::jsonb FROM demande"
                + " WHERE territoire = ? AND statut = 'RADIEE' ORDER BY numero_unique")) {
            p.setString(1, territoire);
            assertEquals(r, p.executeUpdate());
        }
    }

    private static long[] valeurs(LigneFlux l) {
        return new long[] {l.stockDebut(), l.nouvelles(), l.abandon(), l.attribution(), l.irrecevabilite(),
            l.nonRenouvellement(), l.nonReponse(), l.stockFin()};
    }

    @Test
    public void leTableauDeReferenceDuNordPasDeCalaisEstReproduit() throws Exception {
        try (Connection c = db.connect()) {
            generer(c, "059", "G5901", "59350", NORD);
            generer(c, "062", "G6201", "62041", PAS_DE_CALAIS);
            try (Statement s = c.createStatement()) {
                // the pending demands' first wished typology, in the reference's shares (of the région's 127 868)
                s.execute("WITH a AS (SELECT numero_unique, row_number() OVER (ORDER BY numero_unique) AS k"
                        + " FROM demande WHERE statut = 'ACTIVE')"
                        + " UPDATE demande d SET typologie = CASE WHEN a.k <= 1726 THEN 'CHAMBRE'"
                        + " WHEN a.k <= 14321 THEN 'T1' WHEN a.k <= 53193 THEN 'T2' WHEN a.k <= 96924 THEN 'T3'"
                        + " WHEN a.k <= 122881 THEN 'T4' WHEN a.k <= 127484 THEN 'T5' ELSE 'T6_PLUS' END"
                        + " FROM a WHERE d.numero_unique = a.numero_unique");
                s.execute("ANALYZE stat_mouvement");
            }
        }
        StatistiquesServiceImpl statistiques = new StatistiquesServiceImpl(statistiquesStore, java.time.Clock.systemUTC(),
                ReglesStatistiques.DEFAUT);
        TableauFlux parDepartement = statistiques.flux(DEBUT, FIN, Granularite.DEPARTEMENT, OBSERVATEUR);
        assertEquals(2, parDepartement.lignes().size());
        LigneFlux nord = parDepartement.lignes().get(0);
        LigneFlux pdc = parDepartement.lignes().get(1);
        assertEquals("059", nord.code());
        assertEquals("062", pdc.code());
        assertEquals(Arrays.toString(NORD), Arrays.toString(valeurs(nord)));
        assertEquals(Arrays.toString(PAS_DE_CALAIS), Arrays.toString(valeurs(pdc)));
        assertEquals(64_324, nord.radiations());
        assertEquals(33_204, pdc.radiations());
        assertEquals(Arrays.toString(REGION), Arrays.toString(valeurs(parDepartement.total())));
        assertTrue(nord.equilibree() && pdc.equilibree());

        // by région: both départements are in Hauts-de-France (32), the région's line is the reference's total
        TableauFlux parRegion = statistiques.flux(DEBUT, FIN, Granularite.REGION, OBSERVATEUR);
        assertEquals(1, parRegion.lignes().size());
        assertEquals("32", parRegion.lignes().get(0).code());
        assertEquals(Arrays.toString(REGION), Arrays.toString(valeurs(parRegion.lignes().get(0))));
        assertEquals(97_528, parRegion.lignes().get(0).radiations());

        // the typology of the pending demands, in the reference's shares
        Repartition typologies = statistiques.repartition(Dimension.TYPOLOGIE, Granularite.REGION, OBSERVATEUR);
        LigneRepartition region = typologies.lignes().get(0);
        assertEquals("32", region.code());
        assertEquals(127_868, region.total());
        String[] parts = {"1,35", "9,85", "30,40", "34,20", "20,30", "3,60", "0,30"};
        for (int k = 0; k < parts.length; k++) {
            String typologie = Dimension.TYPOLOGIE.modalites().get(k);
            assertEquals(typologie, parts[k], String.format(java.util.Locale.FRANCE, "%.2f",
                    region.part(typologie)));
        }

        System.out.println("|  | stock début | nouvelles | radiées | abandon | attribution | irrecev. | non-renouv."
                + " | non-réponse | stock fin |");
        for (LigneFlux l : java.util.List.of(nord, pdc, parRegion.lignes().get(0))) {
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n", l.code(), l.stockDebut(),
                    l.nouvelles(), l.radiations(), l.abandon(), l.attribution(), l.irrecevabilite(),
                    l.nonRenouvellement(), l.nonReponse(), l.stockFin());
        }
    }
}
