package org.registrehub.itests.navigateur;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Multipart;
import javax.mail.internet.MimeMessage;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

/**
 * The applicant's portal in a real headless Chromium (the machine's, driven by playwright-core) against the built
 * distribution, its e-mails caught by GreenMail: sign up, confirm by the link received, file a demand with one field
 * error corrected, download the attestation (and receive it by e-mail), modify, renew, sign out; an axe-core scan of
 * every page with no serious or critical violation; screenshots in {@code target/navigateur}. Then, in the database:
 * the demand registered online under the portal's guichet, its history, nothing in clear.
 */
public class PortailNavigateurIT {

    private static final Pattern NUMERO = Pattern.compile("NUMERO ([0-9]{2}[0-9AB][0-9]{10}GDPUB)");
    private static final String EMAIL = "amina.diallo@example.org";
    private static final String MOT_DE_PASSE_TEST = "cheval batterie agrafe correcte";

    private static TestDatabase db;
    private static GreenMail smtp;
    private static HttpServer boite;
    private static HubLance hub;

    /** One hub for the class: the browser's path, then the security checks, each with accounts of its own. */
    @BeforeClass
    public static void demarrer() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        boite = boite(smtp);
        db = TestDatabase.create("registre_portail_it");
        Path dir = Path.of(System.getProperty("registre.navigateur.dir"));
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")), dir, db, Map.of(
                "REGISTRE_SMTP_HOTE", "127.0.0.1",
                "REGISTRE_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "REGISTRE_SMTP_STARTTLS", "false",
                // the attestation leaves with the notices to the applicant: checked every 2 s here (60 s by default)
                "REGISTRE_AVIS_PERIODE_SECONDES", "2"));
        hub.attendreSante(Duration.ofMinutes(3));
        // the social dwellings of the communes, from the documented sample of an RPLS-style file
        String import_ = hub.console("registre:logements-sociaux-importer " + Path.of(System.getProperty(
                "registre.exemples"), "exemples", "logements-sociaux-communes.csv").toAbsolutePath());
        assertTrue(import_, import_.contains("7 commune(s) et année(s) importée(s)"));
    }

    /** The test's mailbox for the browser script: GET /courriels?a=adresse → the decoded texts, oldest first. */
    private static HttpServer boite(GreenMail smtp) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/courriels", echange -> {
            String a = echange.getRequestURI().getQuery() == null ? ""
                    : java.net.URLDecoder.decode(echange.getRequestURI().getQuery().replaceFirst("^a=", ""),
                            StandardCharsets.UTF_8);
            StringBuilder json = new StringBuilder("[");
            try {
                for (MimeMessage m : smtp.getReceivedMessagesForDomain(a)) {
                    if (json.length() > 1) {
                        json.append(',');
                    }
                    json.append('"').append(texte(m).replace("\\", "\\\\").replace("\"", "\\\"")
                            .replace("\r", "").replace("\n", "\\n")).append('"');
                }
            } catch (Exception e) {
                throw new IOException(e);
            }
            byte[] b = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
            echange.getResponseHeaders().add("Content-Type", "application/json");
            echange.sendResponseHeaders(200, b.length);
            echange.getResponseBody().write(b);
            echange.close();
        });
        s.start();
        return s;
    }

    static String texte(MimeMessage m) throws Exception {
        Object c = m.getContent();
        return c instanceof Multipart mp ? mp.getBodyPart(0).getContent().toString() : c.toString();
    }

    @AfterClass
    public static void arreter() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (db != null) {
            db.close();
        }
        if (boite != null) {
            boite.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    public void leParcoursDuDemandeurDeLInscriptionALaDeconnexion() throws Exception {
        List<String> sortie = node("portail.mjs", Map.of("EMAIL", EMAIL));
        String numero = sortie.stream().map(NUMERO::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("pas de numéro dans la sortie : " + sortie));
        assertTrue(String.join("\n", sortie), sortie.contains("PARCOURS OK"));
        // every page scanned: 21 pages, none with a serious or critical violation (the script fails otherwise)
        assertEquals(21, sortie.stream().filter(l -> l.startsWith("ACCESSIBLE ")).count());
        // the register: filed online under the portal's guichet, modified, renewed, linked to the account
        assertEquals(1, db.count("SELECT count(*) FROM demande WHERE numero_unique = '" + numero + "' AND guichet ="
                + " 'GDPUB' AND canal_creation = 'EN_LIGNE'"));
        assertEquals(3, db.count("SELECT count(*) FROM demande_historique WHERE numero_unique = '" + numero
                + "' AND canal = 'EN_LIGNE' AND operation IN ('ENREGISTREMENT', 'MODIFICATION', 'RENOUVELLEMENT')"));
        // every step's values arrived: the household, the resources typed the French way, the tax income
        assertEquals(1, db.count("SELECT count(*) FROM demande WHERE numero_unique = '" + numero + "'"
                + " AND dossier->'revenuFiscal'->>'anneeN2' = '17400'"
                + " AND (dossier->'ressources'->0->>'montantMensuel')::numeric = 1450.80"
                + " AND jsonb_array_length(dossier->'personnesACharge') = 1"
                + " AND dossier->'logementRecherche'->'communes' = '[\"44109\", \"44162\"]'::jsonb"
                + " AND dossier->'contact'->>'telephone' = '0698765432'"));
        assertEquals(1, db.count("SELECT count(*) FROM compte_demande cd JOIN compte_demandeur c ON c.id = cd.compte"
                + " WHERE c.email = '" + EMAIL + "' AND cd.numero_unique = '" + numero + "'"));
        assertEquals(0, db.count("SELECT count(*) FROM session_portail s JOIN compte_demandeur c ON c.id = s.compte"
                + " WHERE c.email = '" + EMAIL + "'"));
        // the document the applicant uploaded, downloaded by a guichet of the territory over REST, byte for byte
        HubLance.creerCompte(db, "MAIRIE-NANTES", "GUICHET", "044", "agent.nantes", "guichet", MOT_DE_PASSE_TEST);
        String basic = HubLance.basic("agent.nantes", MOT_DE_PASSE_TEST);
        var liste = hub.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.base
                + "/api/v1/pieces/" + numero)).header("Authorization", basic).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(liste.body(), 200, liste.statusCode());
        Matcher id = Pattern.compile("\"id\":([0-9]+),\"categorie\":\"AVIS_IMPOSITION\"").matcher(liste.body());
        assertTrue(liste.body(), id.find());
        var piece = hub.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.base
                + "/api/v1/pieces/" + numero + "/" + id.group(1))).header("Authorization", basic).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, piece.statusCode());
        assertEquals("application/pdf", piece.headers().firstValue("Content-Type").orElse(""));
        org.junit.Assert.assertArrayEquals(Files.readAllBytes(Path.of(System.getProperty("registre.navigateur.sortie"),
                "portail", "piece-deposee.pdf")), piece.body());
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE operation = 'PIECE_LECTURE' AND acteur ="
                + " 'agent.nantes' AND numero_unique = '" + numero + "'"));
        // the open data file of the local information: every commune of the register, small counts masked
        var csv = hub.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.base
                + "/portail/informations-locales.csv")).GET().build(), java.net.http.HttpResponse.BodyHandlers
                .ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body(), csv.body().startsWith("code_commune;libelle_commune;logements_sociaux;annee_logements;"
                + "demandes_CHAMBRE;"));
        assertTrue(csv.body(), csv.body().contains("\r\n44109;Nantes;56120;2025;"));
        assertTrue("une demande en T2 à Nantes : secret", csv.body().contains("demandes.T2"));
        // nothing in clear in the hub's log: no password, no link token, no e-mail address
        String journal = Files.readString(hub.journal(), StandardCharsets.UTF_8);
        assertFalse(journal.contains("une phrase de passe assez longue"));
        assertFalse(journal.contains(EMAIL));
        Matcher jeton = Pattern.compile("jeton=([A-Za-z0-9_-]{43})").matcher(texte(smtp.getReceivedMessagesForDomain(
                EMAIL)[0]));
        assertTrue(jeton.find());
        assertFalse(journal.contains(jeton.group(1)));
    }

    /** Confirms an account through the link it received; the client then holds its session. */
    private static ClientWeb compte(String email) throws Exception {
        ClientWeb c = new ClientWeb(hub.base + "/portail");
        c.get("/inscription");
        assertEquals(200, c.post("/inscription", Map.of("email", email, "motDePasse", MOT_DE_PASSE_TEST,
                "motDePasseConfirmation", MOT_DE_PASSE_TEST)).statusCode());
        Matcher jeton = org.awaitility.Awaitility.await("le lien de " + email).atMost(Duration.ofSeconds(30))
                .until(() -> {
                    MimeMessage[] m = smtp.getReceivedMessagesForDomain(email);
                    Matcher x = Pattern.compile("jeton=([A-Za-z0-9_-]{43})").matcher(m.length == 0 ? ""
                            : texte(m[m.length - 1]));
                    return x.find() ? x : null;
                }, java.util.Objects::nonNull);
        c.get("/confirmer?jeton=" + jeton.group(1));
        var r = c.post("/confirmer", Map.of("jeton", jeton.group(1)));
        assertEquals(303, r.statusCode());
        assertEquals("/portail/mes-demandes?bienvenue=1", r.headers().firstValue("Location").orElse(""));
        return c;
    }

    @Test
    public void laSecuriteDuPortailEnHttp() throws Exception {
        // a demand registered at a guichet over REST, of another applicant
        String gestionnaire = "gestionnaire.securite";
        HubLance.creerCompte(db, "DDETS44", "ETAT", "044", gestionnaire, "gestionnaire", "mot de passe du test");
        String modele = Files.readString(Path.of(System.getProperty("registre.exemples"),
                "exemples/nouvelle-demande.json"), StandardCharsets.UTF_8);
        String autre = hub.enregistrer(modele, "Securite", 1, HubLance.basic(gestionnaire, "mot de passe du test"));
        String nir = db.text("SELECT dossier->'demandeur'->>'nir' FROM demande WHERE numero_unique = '" + autre + "'");

        ClientWeb a = compte("securite.a@example.org");
        // another applicant's demand: unknown, by its page, its attestation, its modification
        for (String chemin : List.of("/demandes/" + autre, "/demandes/" + autre + "/attestation",
                "/demandes/" + autre + "/modifier")) {
            var r = a.get(chemin);
            assertEquals(chemin, 404, r.statusCode());
            assertFalse("la page d'erreur ne dit rien de la demande", r.body().contains(autre)
                    || nir != null && r.body().contains(nir));
        }
        // a form without its CSRF token, or with another session's, is refused and changes nothing
        ClientWeb b = compte("securite.b@example.org");
        assertEquals(403, a.post("/demandes/" + autre + "/renouveler", Map.of("csrf", b.csrf, "version", "0"))
                .statusCode());
        assertEquals(403, a.post("/nouvelle-demande", Map.of("csrf", "", "etape", "1")).statusCode());
        assertEquals(403, a.post("/deconnexion", Map.of("csrf", "faux")).statusCode());
        assertEquals(200, a.get("/mes-demandes").statusCode());
        // before sign-in: the double-submit token must match the pre-session cookie
        ClientWeb c = new ClientWeb(hub.base + "/portail");
        c.get("/connexion");
        assertEquals(403, c.post("/connexion", Map.of("csrf", "x".repeat(43), "email", "securite.a@example.org",
                "motDePasse", MOT_DE_PASSE_TEST)).statusCode());
        // five wrong passwords, then even the right one waits (429), whether the account exists or not
        for (int i = 0; i < 5; i++) {
            assertEquals(401, c.post("/connexion", Map.of("email", "securite.b@example.org", "motDePasse",
                    "mauvais mot de passe " + i)).statusCode());
        }
        var bloque = c.post("/connexion", Map.of("email", "securite.b@example.org", "motDePasse",
                MOT_DE_PASSE_TEST));
        assertEquals(429, bloque.statusCode());
        assertTrue(bloque.body().contains("Trop de tentatives"));
        // a departmental system uploads a document over SOAP with MTOM (the PDF as a binary part, xop:Include), lists
        // the dossier and reads the document back as an MTOM attachment
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
                + "endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String enveloppe = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:r=\"urn:registrehub:registre:v1\"><soapenv:Body><r:deposerPiece><r:numeroUnique>" + autre
                + "</r:numeroUnique><r:categorie>SITUATION_FAMILIALE</r:categorie><r:nomFichier>livret.pdf</r:nomFichier>"
                + "<r:typeMedia>application/pdf</r:typeMedia><r:contenu><xop:Include"
                + " xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:livret@registre\"/></r:contenu>"
                + "</r:deposerPiece></soapenv:Body></soapenv:Envelope>";
        java.io.ByteArrayOutputStream mtom = new java.io.ByteArrayOutputStream();
        mtom.writeBytes(("--frontiere\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-ID: <racine@registre>\r\n\r\n" + enveloppe + "\r\n--frontiere\r\nContent-Type:"
                + " application/pdf\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <livret@registre>\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        mtom.writeBytes(pdf);
        mtom.writeBytes("\r\n--frontiere--\r\n".getBytes(StandardCharsets.UTF_8));
        String basic = HubLance.basic(gestionnaire, "mot de passe du test");
        var depot = hub.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.base
                + "/ws/registre/v1")).header("Authorization", basic).header("SOAPAction",
                "\"urn:registrehub:registre:v1:deposerPiece\"").header("Content-Type", "multipart/related;"
                + " type=\"application/xop+xml\"; boundary=\"frontiere\"; start=\"<racine@registre>\";"
                + " start-info=\"text/xml\"").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                mtom.toByteArray())).build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(depot.body(), 200, depot.statusCode());
        Matcher pieceId = Pattern.compile("<id>([0-9]+)</id>").matcher(depot.body());
        assertTrue(depot.body(), pieceId.find());
        var lecture = hub.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.base
                + "/ws/registre/v1")).header("Authorization", basic).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:registrehub:registre:v1:lirePiece\"").POST(java.net.http.HttpRequest
                        .BodyPublishers.ofString("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/"
                                + "envelope/\" xmlns:r=\"urn:registrehub:registre:v1\"><soapenv:Body><r:lirePiece>"
                                + "<r:numeroUnique>" + autre + "</r:numeroUnique><r:id>" + pieceId.group(1) + "</r:id>"
                                + "</r:lirePiece></soapenv:Body></soapenv:Envelope>")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        assertEquals(lecture.body(), 200, lecture.statusCode());
        assertTrue(lecture.headers().firstValue("Content-Type").orElse(""), lecture.headers()
                .firstValue("Content-Type").orElse("").contains("multipart/related"));
        assertTrue("le PDF en pièce jointe MTOM", lecture.body().contains("xop:Include")
                && lecture.body().contains(new String(pdf, StandardCharsets.ISO_8859_1)));
        assertEquals(1, db.count("SELECT count(*) FROM piece_demande WHERE numero_unique = '" + autre + "' AND canal"
                + " = 'SOAP' AND categorie = 'SITUATION_FAMILIALE'"));
        // another applicant's document, by its id under one's own numéro, is as unknown as their demand
        String propre = hub.enregistrer(modele, "Securite", 2, basic);
        db.execute("INSERT INTO compte_demande (compte, numero_unique) SELECT id, '" + propre + "' FROM"
                + " compte_demandeur WHERE email = 'securite.a@example.org'");
        assertEquals(200, a.get("/demandes/" + propre + "/pieces").statusCode());
        assertEquals(404, a.get("/demandes/" + propre + "/pieces/" + pieceId.group(1)).statusCode());
        assertEquals(404, a.get("/demandes/" + autre + "/pieces/" + pieceId.group(1)).statusCode());
        // nothing of a demand or of a password in the hub's log
        String journal = Files.readString(hub.journal(), StandardCharsets.UTF_8);
        assertFalse("NIR dans le journal", nir != null && journal.contains(nir));
        assertFalse(journal.contains(MOT_DE_PASSE_TEST));
        assertFalse(journal.contains("securite.a@example.org"));
        assertFalse("contenu d'une pièce dans le journal", journal.contains("Type/Catalog"));
    }

    private static List<String> node(String script, Map<String, String> env) throws Exception {
        Map<String, String> tout = new java.util.HashMap<>(env);
        tout.put("PORTAIL", hub.base + "/portail");
        tout.put("BOITE", "http://127.0.0.1:" + boite.getAddress().getPort());
        return Scripts.node(script, "portail", tout);
    }
}
