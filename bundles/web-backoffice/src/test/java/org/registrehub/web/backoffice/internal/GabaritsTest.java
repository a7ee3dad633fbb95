package org.registrehub.web.backoffice.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.registrehub.api.TravailImport;
import org.registrehub.web.commun.Gabarits;
import org.registrehub.web.commun.Theme;

/** The pages that follow a running job render with what they are given, every value escaped. */
public class GabaritsTest {

    private final Gabarits gabarits = new Gabarits(Vues.class, Vues.GABARITS);

    private static Map<String, Object> modele() {
        Map<String, Object> m = new HashMap<>();
        m.put("titre", "Import");
        m.put("rubrique", "imports");
        m.put("base", "/backoffice");
        m.put("theme", Theme.de("etat", "Registre", "", "", ""));
        m.put("connecte", true);
        m.put("csrf", "jeton");
        m.put("agent", "gestionnaire.44");
        m.put("organisation", "DDETS44");
        m.put("roles", List.of("gestionnaire"));
        m.put("menu", List.of());
        m.put("valeurs", Map.of());
        m.put("erreurs", Map.of());
        return m;
    }

    @Test
    public void unImportEnCoursSuitSaProgressionParSonNomDeFichier() {
        Map<String, Object> m = modele();
        m.put("t", ImportsPages.ligne(new TravailImport(7, "/import/televerses/20261207-a b&c.csv", "x", "CSV",
                "UTF-8", TravailImport.EN_COURS, 1000, 990, 0, 10, Instant.now(), null, null, "g", "WEB", 4000L)));
        m.put("nomFichier", "20261207-a b&c.csv");
        String page = gabarits.rendre("import", m);
        assertTrue(page, page.contains("data-suivi=\"/backoffice/imports/etat?fichier=20261207-a%20b%26c.csv\""));
        assertTrue(page.contains("value=\"25\""));
        assertTrue(page.contains("25 % — 1\u202f000 ligne(s) lue(s) sur 4\u202f000"));
        assertFalse("pas de bilan avant la fin", page.contains("id=\"bilan\""));
    }

    @Test
    public void leContenuDUneLettreMorteEstEchappe() {
        Map<String, Object> m = modele();
        m.put("l", Map.of("id", "12", "organisation", "NMH", "messageId", "m1", "motif", "illisible", "file",
                "registre.erp.NMH.entrant", "depuis", "hier"));
        m.put("contenu", "{\"nom\": \"<script>alert(1)</script>\"}");
        String page = gabarits.rendre("erp-lettre", m);
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertTrue(page.contains("&lt;script&gt;"));
    }
}
