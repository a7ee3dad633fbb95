package org.registrehub.api.planification;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class DureeTest {

    @Test
    public void desSecondesEntieresOuDecimalesDeviennentDesMillisecondes() {
        assertEquals(15_000, Duree.millisecondes("envoi.periodeSecondes", "15"));
        assertEquals(20, Duree.millisecondes("envoi.periodeSecondes", "0.02"));
        assertEquals(500, Duree.millisecondes("envoi.periodeSecondes", " 0.5 "));
        assertEquals(0, Duree.millisecondes("envoi.delaiSecondes", "0"));
        assertEquals(1, Duree.millisecondes("envoi.delaiSecondes", "0.0005"));
    }

    @Test
    public void uneValeurQuiNEstPasUneDureeEstRefuseeEnNommantLaCle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Duree.millisecondes("campagne.verificationSecondes", "60s"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Configuration campagne.verificationSecondes : « 60s »"));
        e = assertThrows(IllegalArgumentException.class, () -> Duree.millisecondes("smtp.delaiSecondes", "-1"));
        assertTrue(e.getMessage(), e.getMessage().contains("smtp.delaiSecondes") && e.getMessage().contains("négatif"));
        assertThrows(IllegalArgumentException.class, () -> Duree.millisecondes("smtp.delaiSecondes", null));
    }
}
