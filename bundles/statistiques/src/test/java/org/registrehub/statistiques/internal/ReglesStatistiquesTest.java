package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;

import org.junit.Test;

/** The rules of org.registrehub.statistiques as the framework hands them over (its own properties included). */
public class ReglesStatistiquesTest {

    @Test
    public void lesProprietesDuFrameworkSontLaisseesEtLesReglesLues() {
        ReglesStatistiques r = ReglesStatistiques.lire(Map.of("service.pid", "org.registrehub.statistiques",
                "component.name", "x", "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)",
                "delaiAnormalementLong.044.T5.mois", "12", "plafonds.autresRegions.supplement", "7000"));
        assertEquals(Integer.valueOf(12), r.seuils().get("044:T5"));
        assertEquals(7000, r.plafonds().supplementAutresRegions());
    }

    @Test
    public void uneCleInconnueDeSesEspacesEstRefuseeEnLaNommant() {
        for (String cle : new String[] {"plafonds.corse", "delaiAnormalementLong.044.T9.mois"}) {
            try {
                ReglesStatistiques.lire(Map.of(cle, "1"));
                fail(cle);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(cle));
            }
        }
    }
}
