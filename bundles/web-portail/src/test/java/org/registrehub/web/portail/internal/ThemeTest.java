package org.registrehub.web.portail.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;
import org.registrehub.web.commun.Gabarits;
import org.registrehub.web.commun.Theme;

/**
 * The State's identity (the Marianne block and font) only in the theme {@code etat}; the neutral theme shows the
 * operator's name, colour and logo on the same components, and an unreadable colour or logo falls back to defaults.
 */
public class ThemeTest {

    private static String accueil(Theme theme) {
        return new Gabarits(Pages.class, Pages.GABARITS).rendre("accueil", Pages.modele("Accueil", Optional.empty(), theme, "/portail"));
    }

    @Test
    public void leBlocMarianneNestQueDansLeThemeDeLEtat() {
        String etat = accueil(Theme.de("etat", "Demande de logement social", "", "#2f4077", ""));
        assertTrue(etat.contains("<p class=\"fr-logo\">République<br>Française</p>"));
        Theme neutre = Theme.de("neutre", "Union des bailleurs de l'Ouest", "Le fichier partagé", "#005a8c",
                "/nulle/part/logo.svg");
        String page = accueil(neutre);
        assertFalse(page.contains("fr-logo"));
        assertTrue(page.contains("Union des bailleurs de l&#39;Ouest"));
        assertFalse("un logo illisible n'est pas montré", page.contains("/portail/static/logo"));
        assertTrue(neutre.css().contains("--background-action-high-blue-france: #005a8c"));
        assertTrue(neutre.css().contains("font-family: system-ui"));
        assertFalse(Theme.de("etat", "x", "", "#000000", "").css().contains("font-family"));
        assertTrue(Theme.de("neutre", "x", "", "rouge", "").css().contains("#2f4077"));
    }

    @Test
    public void lesValeursSaisiesSontEchappees() {
        String page = new Gabarits(Pages.class, Pages.GABARITS).rendre("connexion", new java.util.HashMap<>(java.util.Map.of("titre", "Se connecter",
                "base", "/portail", "theme", Theme.de("etat", "x", "", "", ""), "connecte", false, "csrf", "j",
                "valeurs", java.util.Map.of("email", java.util.List.of("\"><script>alert(1)</script>")),
                "erreurs", java.util.Map.of())));
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertTrue(page.contains("&lt;script&gt;"));
    }
}
