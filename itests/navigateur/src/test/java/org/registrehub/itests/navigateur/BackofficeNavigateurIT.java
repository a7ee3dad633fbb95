package org.registrehub.itests.navigateur;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * The staff's web application (back-office) against the built distribution: the guichet agent's path in a real
 * headless Chromium (sign in, register with an error corrected, confirm a presumed duplicate, modify while another
 * tab changes the same demand, renew, radiate, search, sign out) with an axe-core scan of every page; then, over HTTP,
 * every screen and action for every role and territory against what the REST API allows the same account. The tests
 * run in the order of their names: the observateur, last, reads the statistics of what the others registered.
 */
@org.junit.FixMethodOrder(org.junit.runners.MethodSorters.NAME_ASCENDING)
public class BackofficeNavigateurIT {

    private static final Pattern NUMERO = Pattern.compile("^NUMERO ([0-9A-Z]{18})$");
    private static final Pattern DOUBLON = Pattern.compile("^DOUBLON ([0-9A-Z]{18})$");
    private static final String MDP = "mot de passe du test back-office";

    private static TestDatabase db;
    private static HubLance hub;

    @BeforeClass
    public static void demarrer() throws Exception {
        db = TestDatabase.create("registre_backoffice_it");
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")),
                Path.of(System.getProperty("registre.navigateur.dir") + "-backoffice"), db, Map.of());
        hub.attendreSante(Duration.ofMinutes(3));
    }

    @AfterClass
    public static void arreter() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** An account of an organisation of a territory, with the organisation's guichet code when it has one. */
    private static void compte(String organisation, String type, String territoire, String guichet,
                               String identifiant, String role) throws Exception {
        HubLance.creerCompte(db, organisation, type, territoire, identifiant, role, MDP);
        if (guichet != null) {
            db.execute("UPDATE organisation SET guichet = '" + guichet + "' WHERE code = '" + organisation + "'");
        }
    }

    @Test
    public void leParcoursDeLAgentDuGuichet() throws Exception {
        compte("MAIRIE-NANTES", "GUICHET", "044", "G1104", "agent.nantes", "guichet");
        List<String> sortie = Scripts.node("backoffice.mjs", "backoffice", Map.of("BACKOFFICE", hub.base
                + "/backoffice", "AGENT", "agent.nantes", "MOT_DE_PASSE", MDP));
        assertTrue(String.join("\n", sortie), sortie.contains("PARCOURS AGENT OK"));
        // every page scanned, none with a serious or critical violation (the script fails otherwise)
        assertEquals(12, sortie.stream().filter(l -> l.startsWith("ACCESSIBLE ")).count());
        String premier = trouver(sortie, NUMERO);
        String second = trouver(sortie, DOUBLON);
        // the register: both registered through the channel WEB under the agent's guichet
        assertEquals(2, db.count("SELECT count(*) FROM demande WHERE numero_unique IN ('" + premier + "', '" + second
                + "') AND guichet = 'G1104' AND canal_creation = 'WEB'"));
        // the first: registered, modified by the other tab, modified with the merge, renewed — each in its history
        assertEquals(List.of("ENREGISTREMENT", "MODIFICATION", "MODIFICATION", "RENOUVELLEMENT"), db.texts(
                "SELECT operation FROM demande_historique WHERE numero_unique = '" + premier + "' AND canal = 'WEB'"
                        + " AND acteur = 'agent.nantes' ORDER BY version"));
        assertEquals(1, db.count("SELECT count(*) FROM demande WHERE numero_unique = '" + premier + "'"
                + " AND dossier->'contact'->>'telephone' = '0699887766'"
                + " AND dossier->'contact'->>'email' = 'camille.lebihan@example.org'"
                + " AND (dossier->'ressources'->0->>'montantMensuel')::numeric = 1320.50"));
        // the second: the presumed duplicate confirmed with its justification, then radiated for attribution
        assertEquals(1, db.count("SELECT count(*) FROM demande WHERE numero_unique = '" + second + "' AND statut ="
                + " 'RADIEE' AND motif_radiation = 'ATTRIBUTION'"));
        assertEquals(1, db.count("SELECT count(*) FROM demande_historique WHERE numero_unique = '" + second + "'"
                + " AND operation = 'ENREGISTREMENT' AND commentaire LIKE '%Homonyme%'"));
        // sign-in and sign-out audited, the session gone
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE acteur = 'agent.nantes' AND operation ="
                + " 'CONNEXION_WEB' AND canal = 'WEB'"));
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE acteur = 'agent.nantes' AND operation ="
                + " 'DECONNEXION_WEB'"));
        assertEquals(0, db.count("SELECT count(*) FROM session_web WHERE identifiant = 'agent.nantes'"));
        // the failed sign-in counted by the realm's brakes, with the channel WEB
        assertTrue(db.count("SELECT count(*) FROM audit WHERE canal = 'WEB' AND acteur = 'agent.nantes'") >= 2);
        // nothing of the password in the hub's log
        assertTrue(!Files.readString(hub.journal(), StandardCharsets.UTF_8).contains(MDP));
    }

    /**
     * The gestionnaire sends an extract of 4,000 lines (Latin-1, 8 of them with a birth date in the future) and follows
     * its import to 100 % in the browser; then the register holds the lines, and the rejects report the 8. Then it
     * handles a landlord's dead letter: reads it, replays it (unreadable still, it comes back), discards it — each
     * audited.
     */
    @Test
    public void leGestionnaireImporteUnExtraitEtTraiteUneLettreMorte() throws Exception {
        compte("DDETS44", "ETAT", "044", null, "gestionnaire.import", "gestionnaire");
        compte("HABITAT44", "BAILLEUR", "044", null, "erp.habitat44", "bailleur");
        // the landlord's ERP sends an unreadable message as soon as its queues exist (the hub creates them within 15 s)
        String marqueur = "illisible-" + System.nanoTime();
        org.awaitility.Awaitility.await("les files de HABITAT44").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                    try (javax.jms.Connection c = new org.apache.qpid.jms.JmsConnectionFactory("erp.habitat44", MDP,
                            "amqp://127.0.0.1:" + hub.broker + "?jms.populateJMSXUserID=true").createConnection()) {
                        javax.jms.Session s = c.createSession(false, javax.jms.Session.AUTO_ACKNOWLEDGE);
                        s.createProducer(s.createQueue("registre.erp.HABITAT44.entrant"))
                                .send(s.createTextMessage("{\"" + marqueur + "\": "));
                    }
                    return true;
                });
        Path extrait = Path.of(System.getProperty("registre.navigateur.sortie"), "extrait-4000.csv");
        int lignes = 4000;
        int rejets = ecrireExtrait(extrait, lignes);
        List<String> sortie = Scripts.node("backoffice-gestionnaire.mjs", "backoffice-gestionnaire", Map.of(
                "BACKOFFICE", hub.base + "/backoffice", "AGENT", "gestionnaire.import", "MOT_DE_PASSE", MDP,
                "EXTRAIT", extrait.toString(), "MARQUEUR", marqueur));
        assertTrue(String.join("\n", sortie), sortie.contains("PARCOURS GESTIONNAIRE OK"));
        assertTrue(sortie.contains("REJETS " + rejets));
        assertTrue("le rejeu filtré dans le journal d'audit", sortie.contains("AUDIT 1 ligne"));
        // the organisation and its agent created in the browser, the agent disabled — each audited
        assertEquals(1, db.count("SELECT count(*) FROM organisation WHERE code = 'MAIRIE-ORVAULT' AND guichet = 'G1106'"
                + " AND type = 'GUICHET'"));
        assertEquals(1, db.count("SELECT count(*) FROM utilisateur WHERE identifiant = 'agent.orvault' AND NOT actif"
                + " AND roles = ARRAY['guichet']::VARCHAR(20)[]"));
        assertTrue(db.count("SELECT count(*) FROM audit WHERE acteur = 'gestionnaire.import' AND canal = 'WEB'"
                + " AND details LIKE '%agent.orvault%'") >= 2);
        // the list and the finished import scanned (and the running one when the browser saw it between 0 and 100 %)
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("ACCESSIBLE bo-imports ")));
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("ACCESSIBLE bo-import-termine ")));
        assertEquals(lignes - rejets, db.count("SELECT count(*) FROM demande WHERE ancien_numero LIKE 'PDL044-1126-%'"));
        // the dead letter: read (before its replay, after it, and again after a discard not confirmed), replayed,
        // discarded — by the gestionnaire, on WEB
        assertEquals(3, db.count("SELECT count(*) FROM audit WHERE acteur = 'gestionnaire.import' AND canal = 'WEB'"
                + " AND operation = 'LETTRE_MORTE_LECTURE' AND details LIKE '%HABITAT44%'"));
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE acteur = 'gestionnaire.import' AND operation ="
                + " 'LETTRE_MORTE_REJEU'"));
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE acteur = 'gestionnaire.import' AND operation ="
                + " 'LETTRE_MORTE_SUPPRESSION' AND details LIKE '%MessageIllisible%'"));
        assertTrue("le contenu n'entre pas au journal d'audit", db.count("SELECT count(*) FROM audit WHERE details"
                + " LIKE '%" + marqueur + "%'") == 0);
        assertEquals(1, db.count("SELECT count(*) FROM import_departemental WHERE etat = 'TERMINE' AND lance_par ="
                + " 'gestionnaire.import' AND canal = 'WEB' AND total = " + lignes + " AND position = " + lignes
                + " AND rejetees = " + rejets));
    }

    /**
     * The observateur reads the Infocentre's dashboard: changes its period (the chart and its table follow), exports
     * it as CSV, and sees the stock and flows by territory — never a nominative screen.
     */
    @Test
    public void unObservateurChangeLaPeriodeDUnGraphiqueEtLExporte() throws Exception {
        compte("PREFECTURE44", "ETAT", "044", null, "observateur.stats", "observateur");
        List<String> sortie = Scripts.node("backoffice-observateur.mjs", "backoffice-observateur", Map.of(
                "BACKOFFICE", hub.base + "/backoffice", "AGENT", "observateur.stats", "MOT_DE_PASSE", MDP));
        assertTrue(String.join("\n", sortie), sortie.contains("PARCOURS OBSERVATEUR OK"));
        assertTrue(sortie.contains("MOIS oct. 2026 | nov. 2026 | déc. 2026"));
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("EXPORT 4 ligne(s)")));
        assertEquals(3, sortie.stream().filter(l -> l.startsWith("ACCESSIBLE ")).count());
        // statistics only: no read of a demand in the audit trail
        assertEquals(0, db.count("SELECT count(*) FROM audit WHERE acteur = 'observateur.stats' AND numero_unique IS"
                + " NOT NULL"));
    }

    /** An extract of the documented format: the sample's first line again and again, each a person of its own. */
    private static int ecrireExtrait(Path fichier, int lignes) throws Exception {
        List<String> modele = Files.readAllLines(Path.of(System.getProperty("registre.exemples"),
                "exemples/departemental/extrait-pdl-latin1.csv"), StandardCharsets.ISO_8859_1);
        String[] colonnes = modele.get(1).split(";", -1);
        StringBuilder b = new StringBuilder(modele.get(0)).append('\n');
        int rejets = 0;
        for (int i = 0; i < lignes; i++) {
            String[] c = colonnes.clone();
            c[0] = String.format("PDL044-1126-%06d-S001", i);
            StringBuilder nom = new StringBuilder("Importe");
            for (int n = i, k = 0; k < 4; k++, n /= 26) {
                nom.append((char) ('a' + n % 26));
            }
            c[4] = nom.toString();
            c[10] = "";
            if (i % 500 == 250) {
                c[6] = "03/07/2091";
                rejets++;
            }
            b.append(String.join(";", c)).append('\n');
        }
        Files.createDirectories(fichier.getParent());
        Files.writeString(fichier, b, StandardCharsets.ISO_8859_1);
        return rejets;
    }

    private static String trouver(List<String> sortie, Pattern p) {
        return sortie.stream().map(p::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError(p + " absent de la sortie : " + sortie));
    }

    /**
     * For each role and territory: a screen opens when the REST API lets the same account do the same thing, and an
     * action is offered exactly when the REST API would accept it (probed with a stale version: 412 when allowed,
     * 403 when refused, nothing written).
     */
    @Test
    public void chaqueEcranEtChaqueActionSuiventLesDroitsDuRegistre() throws Exception {
        compte("DDETS44", "ETAT", "044", null, "gestionnaire.44", "gestionnaire");
        compte("MAIRIE-REZE", "GUICHET", "044", "G1105", "agent.reze", "guichet");
        compte("MAIRIE-LILLE", "GUICHET", "059", "G5901", "agent.lille", "guichet");
        compte("HABITAT44", "BAILLEUR", "044", null, "bailleur.44", "bailleur");
        compte("PREFECTURE44", "ETAT", "044", null, "observateur.44", "observateur");
        compte("DDETS44", "ETAT", "044", null, "admin.44", "admin");
        String modele = Files.readString(Path.of(System.getProperty("registre.exemples"),
                "exemples/nouvelle-demande.json"), StandardCharsets.UTF_8);
        String numero = hub.enregistrer(modele, "Droits", 1, HubLance.basic("gestionnaire.44", MDP));

        List<String> ecarts = new ArrayList<>();
        int n = 2;
        for (String qui : List.of("agent.reze", "agent.lille", "bailleur.44", "gestionnaire.44", "observateur.44",
                "admin.44")) {
            String basic = HubLance.basic(qui, MDP);
            ClientWeb web = new ClientWeb(hub.base + "/backoffice");
            web.get("/connexion");
            var connexion = web.post("/connexion", Map.of("identifiant", qui, "motDePasse", MDP, "retour", "/"));
            assertEquals(qui, 303, connexion.statusCode());

            // reading a demand, searching
            comparer(ecarts, qui, "consulter", web.get("/demandes/" + numero).statusCode(),
                    rest(basic, "GET", "/api/v1/demandes/" + numero, null, null).statusCode());
            comparer(ecarts, qui, "rechercher", web.get("/demandes?nom=droits").statusCode(),
                    rest(basic, "GET", "/api/v1/demandes?nom=droits", null, null).statusCode());
            // registering: offered (menu and page) exactly when REST registers (a demand of its own each time)
            boolean offert = web.get("/demandes/nouvelle").statusCode() == 200;
            boolean menu = web.get("/").body().contains("href=\"/backoffice/demandes/nouvelle\"");
            String guichet = qui.equals("gestionnaire.44") ? "G1104" : qui.equals("agent.lille") ? "G5901" : "G1105";
            String json = modele.replace("\"guichet\": \"G1104\"", "\"guichet\": \"" + guichet + "\"")
                    .replace("\"44109\"", qui.equals("agent.lille") ? "\"59350\"" : "\"44109\"");
            int enregistrement;
            try {
                hub.enregistrer(json, "Droits", n++, basic);
                enregistrement = 201;
            } catch (IllegalStateException e) {
                enregistrement = e.getMessage().contains("(403)") ? 403 : 500;
            }
            attendu(ecarts, qui, "enregistrer (page)", offert, enregistrement == 201);
            attendu(ecarts, qui, "enregistrer (menu)", menu, enregistrement == 201);

            // the actions on the demand, as its page offers them, against REST with a stale version
            String page = web.get("/demandes/" + numero).body();
            attendu(ecarts, qui, "modifier", page.contains("/demandes/" + numero + "/modifier\""),
                    rest(basic, "PUT", "/api/v1/demandes/" + numero, "\"999\"", Files.readString(Path.of(
                            System.getProperty("registre.exemples"), "exemples/modification.json"))).statusCode()
                            == 412);
            attendu(ecarts, qui, "modifier (page)", web.get("/demandes/" + numero + "/modifier").statusCode() == 200,
                    page.contains("/demandes/" + numero + "/modifier\""));
            attendu(ecarts, qui, "renouveler", page.contains("Renouveler pour un an"), rest(basic, "POST",
                    "/api/v1/demandes/" + numero + "/renouvellement", "\"999\"", "").statusCode() == 412);
            var radiation = web.get("/demandes/" + numero + "/radier");
            attendu(ecarts, qui, "radier (lien)", page.contains("/demandes/" + numero + "/radier\""),
                    radiation.statusCode() == 200);
            Map<String, String> corps = new LinkedHashMap<>();
            corps.put("ABANDON", "{\"motif\": \"ABANDON\"}");
            corps.put("ATTRIBUTION", Files.readString(Path.of(System.getProperty("registre.exemples"),
                    "exemples/radiation-attribution.json")));
            for (Map.Entry<String, String> m : corps.entrySet()) {
                attendu(ecarts, qui, "radier " + m.getKey(), radiation.body().contains("value=\"" + m.getKey()
                        + "\""), rest(basic, "POST", "/api/v1/demandes/" + numero + "/radiation", "\"999\"",
                        m.getValue()).statusCode() == 412);
            }
        }
        assertEquals(List.of(), ecarts);
        // nothing written by the probes: the demand is at its first version
        assertEquals(1, db.count("SELECT count(*) FROM demande WHERE numero_unique = '" + numero + "' AND version = 0"));
    }

    private static void comparer(List<String> ecarts, String qui, String quoi, int ecran, int api) {
        if ((ecran == 200) != (api == 200)) {
            ecarts.add(qui + " " + quoi + " : écran " + ecran + ", API " + api);
        }
    }

    private static void attendu(List<String> ecarts, String qui, String quoi, boolean ecran, boolean api) {
        if (ecran != api) {
            ecarts.add(qui + " " + quoi + " : écran " + (ecran ? "propose" : "ne propose pas") + ", API "
                    + (api ? "accepte" : "refuse"));
        }
    }

    private static HttpResponse<String> rest(String basic, String methode, String chemin, String version, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.base + chemin)).header("Authorization", basic);
        if (version != null) {
            b.header("If-Match", version);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(methode, HttpRequest.BodyPublishers.ofString(json,
                    StandardCharsets.UTF_8));
        } else {
            b.method(methode, HttpRequest.BodyPublishers.noBody());
        }
        return hub.client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
