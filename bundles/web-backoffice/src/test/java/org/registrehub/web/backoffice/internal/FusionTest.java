package org.registrehub.web.backoffice.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The three-way merge of a modification that met a concurrent one: nothing typed lost, nothing changed undone. */
public class FusionTest {

    @Test
    public void chaqueCoteGardeSesChangementsEtLesConflitsSontSignales() {
        Map<String, List<String>> base = Map.of("contact.telephone", List.of("0600000000"),
                "contact.email", List.of("a@example.org"), "contact.ville", List.of("Nantes"),
                "demandeur.employeur", List.of("Ville"));
        Map<String, List<String>> actuel = Map.of("contact.telephone", List.of("0611111111"),
                "contact.email", List.of("a@example.org"), "contact.ville", List.of("Rezé"),
                "demandeur.employeur", List.of("Ville"));
        Map<String, List<String>> saisie = Map.of("contact.telephone", List.of("0600000000"),
                "contact.email", List.of(" b@example.org "), "contact.ville", List.of("Saint-Herblain"),
                "logementRecherche.ascenseur", List.of("true"));
        Fusion f = Fusion.de(base, actuel, saisie);
        assertEquals("pris de l'autre côté", List.of("0611111111"), f.valeurs().get("contact.telephone"));
        assertEquals("gardé de la saisie", List.of("b@example.org"), f.valeurs().get("contact.email"));
        assertEquals("conflit : la saisie est gardée", List.of("Saint-Herblain"), f.valeurs().get("contact.ville"));
        assertTrue(f.conflits().get("contact.ville"), f.conflits().get("contact.ville").contains("« Rezé »"));
        assertEquals(List.of("contact.ville"), List.copyOf(f.conflits().keySet()));
        assertEquals("vidé par l'agent", null, f.valeurs().get("demandeur.employeur"));
        assertEquals(List.of("true"), f.valeurs().get("logementRecherche.ascenseur"));
        assertEquals(List.of("contact.telephone"), f.repris());
    }
}
