package org.registrehub.numerotation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;
import org.registrehub.api.RegistreException;
import org.registrehub.api.numerotation.spi.CompteurStore;

public class NumerotationBaseDeDonneesTest {

    /** Same contract as the database counter: one value per territory and month, starting at 1. */
    private final Map<String, Long> compteurs = new HashMap<>();
    private final CompteurStore store = (territoire, mois) -> compteurs.merge(territoire + "/" + mois, 1L, Long::sum);
    private final NumerotationBaseDeDonnees numerotation = new NumerotationBaseDeDonnees(store);

    @Test
    public void formatsTheNationalLayout() {
        String numero = numerotation.attribuer("44109", "G1104", LocalDate.of(2018, 3, 15));
        assertEquals("044" + "03" + "18" + "000001" + "G1104", numero);
        assertEquals(18, numero.length());
        assertTrue(NumeroUnique.estValide(numero));
    }

    @Test
    public void sequenceIsPerTerritoryAndMonth() {
        LocalDate mars = LocalDate.of(2024, 3, 31);
        assertEquals("0440324000001G1104", numerotation.attribuer("44109", "G1104", mars));
        assertEquals("0440324000002GDPUB", numerotation.attribuer("44003", "GDPUB", mars));
        assertEquals("0590324000001G5901", numerotation.attribuer("59350", "G5901", mars));
        assertEquals("0440424000001G1104", numerotation.attribuer("44109", "G1104", LocalDate.of(2024, 4, 1)));
    }

    @Test
    public void corsicaAndOverseasTerritories() {
        assertEquals("02A", NumeroUnique.territoire("2A004"));
        assertEquals("02B", NumeroUnique.territoire("2B033"));
        assertEquals("974", NumeroUnique.territoire("97411"));
        assertEquals("976", NumeroUnique.territoire("97611"));
        assertEquals("001", NumeroUnique.territoire("01053"));
        assertTrue(NumeroUnique.estValide(numerotation.attribuer("2A004", "G2001", LocalDate.of(2025, 12, 1))));
    }

    @Test
    public void refusesMalformedInput() {
        for (String commune : new String[] {null, "4410", "441090", "2C004", "ABCDE"}) {
            try {
                NumeroUnique.territoire(commune);
                fail("commune " + commune + " must be refused");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("commune"));
            }
        }
        assertFalse(NumeroUnique.estValide("0440324000001G110"));
        assertFalse(NumeroUnique.estValide("0441324000001G1104"));
    }

    @Test
    public void exhaustedSequenceIsAClearError() {
        compteurs.put("044/0324", (long) NumeroUnique.SEQUENCE_MAX);
        try {
            numerotation.attribuer("44109", "G1104", LocalDate.of(2024, 3, 1));
            fail("sequence beyond 999999 must be refused");
        } catch (RegistreException e) {
            assertEquals(NumerotationBaseDeDonnees.CODE_EPUISE, e.getCode());
            assertTrue(e.getMessage(), e.getMessage().contains("044"));
        }
    }
}
