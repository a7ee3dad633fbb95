package org.registrehub.renouvellement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.Map;

import org.junit.Test;
import org.registrehub.api.renouvellement.Echeances;

/** Renewal dates: month ends, leap years, per-département rules, configurations refused. */
public class CalendrierConfigureTest {

    private final CalendrierConfigure calendrier = new CalendrierConfigure();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    public void reglesParDefautPreavisUnMoisGraceDixHuitMois() {
        calendrier.configurer(Map.of());
        Echeances e = calendrier.echeances("044", d("2026-12-01"), null, d("2027-12-01"));
        assertEquals(d("2027-11-01"), e.avis());
        assertEquals(d("2027-12-02"), e.radiation());
        assertEquals(d("2028-06-01"), e.limiteReactivation());
        assertEquals(d("2027-01-15"), calendrier.finAttenteReponse("044", d("2026-12-15")));
    }

    @Test
    public void finsDeMoisEtAnneesBissextiles() {
        calendrier.configurer(Map.of());
        // valid until 31 March: one month before is the last day of February
        assertEquals(d("2027-02-28"), calendrier.echeances("044", d("2026-03-31"), null, d("2027-03-31")).avis());
        assertEquals(d("2028-02-29"), calendrier.echeances("044", d("2027-03-31"), null, d("2028-03-31")).avis());
        // valid until 29 February of a leap year
        Echeances bissextile = calendrier.echeances("044", d("2027-02-28"), d("2027-02-28"), d("2028-02-29"));
        assertEquals(d("2028-01-29"), bissextile.avis());
        assertEquals(d("2028-03-01"), bissextile.radiation());
        // filed on 29 February: 18 months later is 29 August; renewed on 31 August: 28 February (no 29th in 2029)
        assertEquals(d("2029-08-29"), calendrier.echeances("044", d("2028-02-29"), null, d("2029-02-28"))
                .limiteReactivation());
        assertEquals(d("2030-02-28"), calendrier.echeances("044", d("2027-05-02"), d("2028-08-31"), d("2029-08-31"))
                .limiteReactivation());
        // end of year
        assertEquals(d("2027-12-31"), calendrier.echeances("044", d("2027-01-31"), null, d("2028-01-31")).avis());
        assertEquals(d("2028-01-01"), calendrier.echeances("044", d("2026-12-31"), null, d("2027-12-31"))
                .radiation());
    }

    @Test
    public void laCampagneDuJourAviseToutesLesFinsDeValiditeDontLAvisEstDu() {
        calendrier.configurer(Map.of("territoire.085.preavis.mois", "2"));
        // every day of a span: the limit is exactly the last end of validity whose notice date is that day or before
        for (LocalDate jour = d("2027-01-01"); jour.isBefore(d("2029-01-01")); jour = jour.plusDays(1)) {
            for (String territoire : new String[] {"044", "085"}) {
                LocalDate limite = calendrier.finValiditeAviseeJusquau(territoire, jour);
                assertTrue(jour + " " + territoire, !calendrier.echeances(territoire, jour, null, limite).avis()
                        .isAfter(jour));
                assertTrue(jour + " " + territoire, calendrier.echeances(territoire, jour, null, limite.plusDays(1))
                        .avis().isAfter(jour));
            }
        }
        assertEquals(d("2027-03-31"), calendrier.finValiditeAviseeJusquau("044", d("2027-02-28")));
        assertEquals(d("2028-03-31"), calendrier.finValiditeAviseeJusquau("044", d("2028-02-29")));
        assertEquals(d("2028-03-28"), calendrier.finValiditeAviseeJusquau("044", d("2028-02-28")));
        assertEquals(d("2027-04-30"), calendrier.finValiditeAviseeJusquau("085", d("2027-02-28")));
    }

    @Test
    public void reglesPropresAUnDepartement() {
        calendrier.configurer(Map.of("preavis.mois", "1", "territoire.085.preavis.mois", "2",
                "territoire.02A.grace.mois", "24"));
        assertEquals(d("2027-10-01"), calendrier.echeances("085", d("2026-12-01"), null, d("2027-12-01")).avis());
        assertEquals(d("2027-11-01"), calendrier.echeances("044", d("2026-12-01"), null, d("2027-12-01")).avis());
        assertEquals(24, calendrier.regles("02A").graceMois());
        assertEquals(1, calendrier.regles("02A").preavisMois());
        assertEquals(18, calendrier.regles("085").graceMois());
        assertEquals("*", calendrier.regles("059").territoire());
    }

    @Test
    public void configurationContraireAuxReglesRefuseeEtReglesPrecedentesGardees() {
        calendrier.configurer(Map.of("territoire.085.preavis.mois", "2"));
        for (Map<String, Object> fausse : java.util.List.<Map<String, Object>>of(
                Map.of("preavis.mois", "0"), Map.of("territoire.085.grace.mois", "6"),
                Map.of("nonReponse.mois", "deux"), Map.of("territoire.85.preavis.mois", "2"))) {
            try {
                CalendrierConfigure.lire(fausse);
                fail("refusée : " + fausse);
            } catch (IllegalArgumentException e) {
                String cle = fausse.keySet().iterator().next();
                assertTrue(e.getMessage(), e.getMessage().startsWith(cle));
            }
            calendrier.configurer(fausse);
            assertEquals("règles précédentes gardées", 2, calendrier.regles("085").preavisMois());
        }
    }
}
