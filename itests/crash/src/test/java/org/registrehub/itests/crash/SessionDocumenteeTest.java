package org.registrehub.itests.crash;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.registrehub.itests.crash.SessionDocumentee.Etape;

/** How the manual's sessions are read and compared: what may differ from one run to the next, and what may not. */
public class SessionDocumenteeTest {

    @Rule
    public TemporaryFolder dossier = new TemporaryFolder();

    @Test
    public void datesNumerosMotsDePasseEtTaillesPeuventChangerLeResteNon() {
        String manuel = "HTTP/1.1 201 Created\nLocation: http://127.0.0.1:8181/api/v1/demandes/0441126000001G1104\n"
                + "Content-Length: 1683\n\n{\"numeroUnique\":\"0441126000001G1104\",\"dateDepot\":\"2026-11-23\",…";
        String hub = "HTTP/1.1 201 Created\r\nDate: Sun, 06 Dec 2026 18:37:09 GMT\r\n"
                + "Location: http://127.0.0.1:8181/api/v1/demandes/0441226000001G1104\r\nContent-Length: 1690\r\n\r\n"
                + "{\"numeroUnique\":\"0441226000001G1104\",\"dateDepot\":\"2026-12-06\",\"statut\":\"ACTIVE\"}\n";
        assertTrue(SessionDocumentee.correspond(manuel, hub));
        // another département, another rank, another status code: a difference
        assertFalse(SessionDocumentee.correspond(manuel, hub.replace("0441226000001", "0591226000001")));
        assertFalse(SessionDocumentee.correspond(manuel, hub.replace("0441226000001G1104\",", "0441226000002G1104\",")));
        assertFalse(SessionDocumentee.correspond(manuel, hub.replace("201 Created", "200 OK")));
        assertTrue(SessionDocumentee.correspond("{\"motDePasse\":\"GhWHmfoo9J5suGypb5Xi\"}",
                "{\"motDePasse\":\"iv7S8VD9GATFqi8NWKKG\"}"));
        assertTrue(SessionDocumentee.correspond("Attestation émise le 23 novembre 2026\n\n044 11 26 000001 G1104",
                "Attestation émise le 6 décembre 2026\n\n\n044 12 26 000001 G1104\n"));
        // an instant with fewer digits of fraction, padded by its table: the same row; another status: not
        String ligne = "authentification        | UP   | 2026-12-06T19:51:23.553489062Z | royaume prêt";
        assertTrue(SessionDocumentee.correspond(ligne,
                "authentification        | UP   | 2026-12-06T22:06:40.092640Z    | royaume prêt"));
        assertFalse(SessionDocumentee.correspond(ligne,
                "authentification        | DOWN | 2026-12-06T22:06:40.092640Z    | royaume prêt"));
    }

    @Test
    public void uneLigneDePointsDeSuspensionTientLieuDeLignesOmises() {
        assertTrue(SessionDocumentee.correspond("[\n  {\"version\":0}\n…\n]", "[\n  {\"version\":0}\n  a\n  b\n]"));
        assertFalse(SessionDocumentee.correspond("[\n  {\"version\":0}\n]", "[\n  {\"version\":0}\n  a\n]"));
        assertFalse("a printed line the manual does not show", SessionDocumentee.correspond("200", "200\nerreur"));
    }

    @Test
    public void seulesLesSessionsDeCommandesSontLuesAvecLeurLigneEtLeurSortie() throws Exception {
        Path docs = dossier.getRoot().toPath();
        Files.writeString(docs.resolve("page.md"), String.join("\n", "# Page", "```", "{\"pas\":\"une session\"}",
                "```", "", "```", "$ A=1; echo $A", "1", "", "$ curl -s \\", "  http://x", "```", "texte",
                "```", "$ echo deux", "deux", "```", ""));
        List<Etape> toutes = SessionDocumentee.lire(docs, "page.md", 1, Integer.MAX_VALUE);
        assertEquals(3, toutes.size());
        assertEquals(new Etape("page.md", 7, "A=1; echo $A", "1", 7, 1), toutes.get(0));
        assertEquals("curl -s \\\n  http://x", toutes.get(1).commande());
        assertEquals(List.of(new Etape("page.md", 15, "echo deux", "deux", 15, 1)),
                SessionDocumentee.lire(docs, "page.md", 2, 2));
    }
}
