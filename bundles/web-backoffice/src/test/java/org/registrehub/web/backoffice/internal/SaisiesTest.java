package org.registrehub.web.backoffice.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.registrehub.api.ErreurChamp;

/** How the pages read what a person typed and where a service's error about a list's row lands. */
public class SaisiesTest {

    @Test
    public void unMontantSeLitALaFrancaiseOuALaMachine() {
        Map<String, String> e = new HashMap<>();
        assertEquals(new BigDecimal("1234.56"), Saisies.decimal("loyer", "1 234,56", e));
        assertEquals(new BigDecimal("1234.56"), Saisies.decimal("loyer", "1\u202f234.56", e));
        assertNull(Saisies.decimal("loyer", "  ", e));
        assertEquals(Map.of(), e);
        assertNull(Saisies.decimal("loyer", "455 euros", e));
        assertEquals(Map.of("loyer", "nombre attendu, par exemple 412,50"), e);
        assertNull(Saisies.nombre("etage", "1er", e));
        assertEquals("nombre entier attendu", e.get("etage"));
    }

    @Test
    public void lesLignesEnvoyeesSontLuesDansLOrdreEtLesErreursRevienentAleurLigne() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("candidats[12].numeroUnique", List.of("0441226000012G1104"));
        form.put("candidats[3].numeroUnique", List.of("0441226000003G1104"));
        form.put("candidats[5].numeroUnique", List.of(""));
        form.put("candidats[3].rang", List.of("1"));
        form.put("autre[1].numeroUnique", List.of("X"));
        assertEquals(List.of(3, 12), Saisies.lignes(form, "candidats"));
        // the service numbers the rows it received (0, 1); the page's rows are 3 and 12
        Map<String, String> e = Saisies.parLigne(List.of(new ErreurChamp("candidats[1].rang", "unicite", "1",
                "ce rang est déjà pris"), new ErreurChamp("motifMoinsDeTrois", "obligatoire", null, "motif"),
                new ErreurChamp("candidats[7].rang", "intervalle", "9", "rang de 1 à 3")), "candidats", List.of(3, 12));
        assertEquals("ce rang est déjà pris", e.get("candidats[12].rang"));
        assertEquals("motif", e.get("motifMoinsDeTrois"));
        assertEquals("an index beyond the rows sent stays as the service said it", "rang de 1 à 3",
                e.get("candidats[7].rang"));
    }
}
