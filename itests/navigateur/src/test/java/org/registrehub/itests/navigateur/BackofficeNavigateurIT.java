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
    /** The filing date of the imported demands today's campaign must notify (one line in twenty of the extract). */
    private static final java.time.LocalDate DEPOT_A_RENOUVELER = java.time.LocalDate.now(
            java.time.ZoneId.of("Europe/Paris")).minusYears(1).plusDays(10);

    private static TestDatabase db;
    private static HubLance hub;

    @BeforeClass
    public static void demarrer() throws Exception {
        db = TestDatabase.create("registre_backoffice_it");
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")),
                Path.of(System.getProperty("registre.navigateur.dir") + "-backoffice"), db,
                // today's renewal campaign is launched from the browser, not by the scheduler at its hour
                Map.of("REGISTRE_CAMPAGNE_HEURE", "23:59"));
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
     * The landlord in the browser: declares a dwelling (an error corrected), designates two of its explained
     * candidates (the reason for fewer than three asked first), plans a commission, downloads its PDFs, records its
     * decisions (a non-attribution's missing reason told first), reads the follow-up in a candidate's dossier.
     */
    @Test
    public void leBailleurDesigneDesCandidatsEtTientSaCommission() throws Exception {
        compte("DDETS44", "ETAT", "044", null, "gestionnaire.cal", "gestionnaire");
        compte("HABITAT44", "BAILLEUR", "044", null, "bailleur.cal", "bailleur");
        String modele = Files.readString(Path.of(System.getProperty("registre.exemples"),
                "exemples/nouvelle-demande.json"), StandardCharsets.UTF_8);
        for (int i = 1; i <= 3; i++) {
            hub.enregistrer(modele, "Candidat", i, HubLance.basic("gestionnaire.cal", MDP));
        }
        String rpls = "BO" + System.nanoTime() % 1_000_000_000L;
        List<String> sortie = Scripts.node("backoffice-bailleur.mjs", "backoffice-bailleur", Map.of("BACKOFFICE",
                hub.base + "/backoffice", "AGENT", "bailleur.cal", "MOT_DE_PASSE", MDP, "RPLS", rpls));
        assertTrue(String.join("\n", sortie), sortie.contains("PARCOURS BAILLEUR OK"));
        assertEquals(9, sortie.stream().filter(l -> l.startsWith("ACCESSIBLE ")).count());
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("ERREUR LOYER ")));
        assertEquals(2, sortie.stream().filter(l -> l.startsWith("PDF ")).count());
        // the dwelling declared through the channel WEB, its two candidates decided on by the commission, now held
        assertEquals(1, db.count("SELECT count(*) FROM logement_offert WHERE identifiant_rpls = '" + rpls + "' AND"
                + " bailleur = 'HABITAT44' AND loyer = 455 AND surface = 67.5"));
        assertEquals(List.of("1 ATTRIBUEE WEB", "2 NON_ATTRIBUEE WEB"), db.texts("SELECT c.rang || ' ' || c.statut"
                + " || ' ' || c.canal FROM candidature c JOIN logement_offert l ON l.id = c.logement_id WHERE"
                + " l.identifiant_rpls = '" + rpls + "' ORDER BY c.rang"));
        assertEquals(1, db.count("SELECT count(*) FROM commission c JOIN commission_logement cl ON cl.commission_id ="
                + " c.id JOIN logement_offert l ON l.id = cl.logement_id WHERE l.identifiant_rpls = '" + rpls + "'"
                + " AND c.statut = 'TENUE' AND c.lieu = 'Siège, salle du conseil'"));
        // each demand's follow-up: proposed, then the decision, recorded on WEB by the landlord
        assertEquals(4, db.count("SELECT count(*) FROM suivi_attribution WHERE identifiant_rpls = '" + rpls + "'"
                + " AND canal = 'WEB' AND acteur = 'bailleur.cal'"));
        assertEquals(2, db.count("SELECT count(*) FROM audit WHERE acteur = 'bailleur.cal' AND canal = 'WEB' AND"
                + " operation = 'DESIGNATION'"));
        // nothing written by the refused forms: one declaration, one designation, one decision in the history
        assertEquals(List.of("DECLARATION", "DESIGNATION", "DECISION_CAL"), db.texts("SELECT h.operation FROM"
                + " logement_historique h JOIN logement_offert l ON l.id = h.logement_id WHERE l.identifiant_rpls = '"
                + rpls + "' AND h.operation IN ('DECLARATION', 'DESIGNATION', 'DECISION_CAL') ORDER BY h.id"));
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
        // the quality photographs of the two months before this one for the guichet of the extract (the hub takes one
        // twice a day; this month's is today's table)
        java.time.YearMonth ce = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Paris"));
        db.execute("INSERT INTO qualite_mensuelle (mois, guichet, actives, valeurs) VALUES ('" + ce.minusMonths(2)
                .atDay(1) + "', 'G4401', 100, '{\"NIR_ABSENT\": 90}'), ('" + ce.minusMonths(1).atDay(1) + "', 'G4401',"
                + " 200, '{\"NIR_ABSENT\": 150}')");
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
        // the EPCI defined with its three communes (the malformed one refused first), granted to the guichet, whose
        // directory entry now has its address — each audited
        assertTrue(sortie.contains("TERRITOIRES OK"));
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("ERREUR COMMUNES") && l.contains("4414")));
        assertEquals(List.of("44109", "44143", "44162"), db.texts("SELECT commune FROM epci_commune WHERE epci ="
                + " '244400404' ORDER BY commune"));
        assertEquals(1, db.count("SELECT count(*) FROM organisation_territoire t JOIN organisation o ON o.id ="
                + " t.organisation_id WHERE o.code = 'MAIRIE-ORVAULT' AND t.territoire = '244400404'"));
        assertEquals(1, db.count("SELECT count(*) FROM organisation WHERE code = 'MAIRIE-ORVAULT' AND adresse ="
                + " '9 rue Alexandre Goupil, 44700 Orvault'"));
        assertEquals(List.of("COORDONNEES_GUICHET", "DEFINITION_EPCI", "TERRITOIRE_ACCORDE"), db.texts("SELECT"
                + " operation FROM audit WHERE acteur = 'gestionnaire.import' AND canal = 'WEB' AND operation IN"
                + " ('DEFINITION_EPCI', 'TERRITOIRE_ACCORDE', 'COORDONNEES_GUICHET') ORDER BY operation"));
        // the list and the finished import scanned (and the running one when the browser saw it between 0 and 100 %)
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("ACCESSIBLE bo-imports ")));
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("ACCESSIBLE bo-import-termine ")));
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("ACCESSIBLE bo-campagne ")));
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
        // today's campaign, launched in the browser: one letter for each imported demand due (one line in twenty),
        // printed in its guichet's batch
        assertTrue(String.join("\n", sortie), sortie.stream().anyMatch(l -> l.startsWith("CAMPAGNE Campagne terminée")
                && l.contains("200 lettre(s)")));
        // the target set in the browser (audited), the guichet above it, three months drawn: 90 %, 75 %, 100 %
        assertEquals(1, db.count("SELECT count(*) FROM qualite_cible WHERE territoire = '044' AND indicateur ="
                + " 'NIR_ABSENT' AND cible = 5"));
        assertEquals(1, db.count("SELECT count(*) FROM audit WHERE acteur = 'gestionnaire.import' AND operation ="
                + " 'CIBLE_QUALITE' AND canal = 'WEB'"));
        String tendance = sortie.stream().filter(l -> l.startsWith("TENDANCE ")).findFirst().orElseThrow();
        assertTrue(tendance, tendance.contains("90 %") && tendance.contains("75 %") && tendance.contains("100 %"));
        assertEquals(200, db.count("SELECT count(*) FROM avis_renouvellement a JOIN demande d ON d.numero_unique ="
                + " a.numero_unique WHERE d.ancien_numero LIKE 'PDL044-1126-%' AND a.canal = 'COURRIER'"
                + " AND a.etat = 'ENVOYE'"));
        assertEquals(1, db.count("SELECT count(*) FROM campagne_renouvellement WHERE etat = 'TERMINEE'"));
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
        assertEquals(7, sortie.stream().filter(l -> l.startsWith("ACCESSIBLE ")).count());
        assertTrue(sortie.contains("TABLEAU satisfaction : Territoire | Attributions | Délai moyen (mois) | Satisfaites"
                + " en moins d'un an | Part en moins d'un an"));
        assertTrue(sortie.stream().anyMatch(l -> l.startsWith("REPARTITION Territoire | Moins de 25 ans")));
        // the map: 96 outlines, the Loire-Atlantique first (every demand of these tests is there)
        assertTrue(String.join("\n", sortie), sortie.stream().anyMatch(l -> l.startsWith("CARTE 96 départements ;"
                + " Loire-Atlantique (044)")));
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
            if (i % 20 == 7) {
                // filed almost a year ago: valid ten more days, today's renewal campaign sends its notice
                c[1] = DEPOT_A_RENOUVELER.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
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
            ClientWeb web = connecte(qui);

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

    /**
     * The attribution screens for each role and territory: the menu entries, the lists, a dwelling, its candidates,
     * the designation, the withdrawal and the declaration offered exactly when the services behind the REST API accept
     * the same account (probed with an empty designation or declaration: 400 when allowed, 403 when refused, nothing
     * written; the withdrawal with a dwelling of each account's own, withdrawn when allowed).
     */
    @Test
    public void chaqueEcranDAttributionSuitLesDroitsDesServices() throws Exception {
        compte("DDETS44", "ETAT", "044", null, "gestionnaire.a44", "gestionnaire");
        compte("MAIRIE-REZE", "GUICHET", "044", "G1105", "agent.areze", "guichet");
        compte("MAIRIE-LILLE", "GUICHET", "059", "G5901", "agent.alille", "guichet");
        compte("HABITAT44", "BAILLEUR", "044", null, "bailleur.a44", "bailleur");
        compte("ATLANTIQUE-HABITAT", "BAILLEUR", "044", null, "bailleur.autre", "bailleur");
        compte("PREFECTURE44", "ETAT", "044", null, "observateur.a44", "observateur");
        compte("DDETS44", "ETAT", "044", null, "admin.a44", "admin");
        String gestionnaire = HubLance.basic("gestionnaire.a44", MDP);
        List<String> qui = List.of("agent.areze", "agent.alille", "bailleur.a44", "bailleur.autre", "gestionnaire.a44",
                "observateur.a44", "admin.a44");
        // HABITAT44's dwellings reserved for the commune of Rezé: one read by all, one per account to withdraw
        String commun = "DR" + System.nanoTime() % 1_000_000_000L;
        declarer(gestionnaire, commun);
        for (int i = 0; i < qui.size(); i++) {
            declarer(gestionnaire, commun + "X" + i);
        }
        List<String> ecarts = new ArrayList<>();
        for (int i = 0; i < qui.size(); i++) {
            String q = qui.get(i);
            String basic = HubLance.basic(q, MDP);
            ClientWeb web = connecte(q);
            String accueil = web.get("/").body();
            int liste = rest(basic, "GET", "/api/v1/logements", null, null).statusCode();
            attendu(ecarts, q, "logements (menu)", accueil.contains("href=\"/backoffice/logements\""), liste == 200);
            comparer(ecarts, q, "logements", web.get("/logements").statusCode(), liste);
            int seances = rest(basic, "GET", "/api/v1/commissions", null, null).statusCode();
            attendu(ecarts, q, "commissions (menu)", accueil.contains("href=\"/backoffice/commissions\""),
                    seances == 200);
            comparer(ecarts, q, "commissions", web.get("/commissions").statusCode(), seances);
            attendu(ecarts, q, "déclarer", web.get("/logements").body().contains("/logements/nouveau\""),
                    rest(basic, "POST", "/api/v1/logements", null, "{}").statusCode() == 400);
            comparer(ecarts, q, "un logement", web.get("/logements/" + commun).statusCode(),
                    rest(basic, "GET", "/api/v1/logements/" + commun, null, null).statusCode());
            comparer(ecarts, q, "ses candidats", web.get("/logements/" + commun + "/candidats").statusCode(),
                    rest(basic, "GET", "/api/v1/logements/" + commun + "/candidats?limite=5", null, null)
                            .statusCode());
            attendu(ecarts, q, "désigner", web.get("/logements/" + commun).body().contains("/candidats\""),
                    rest(basic, "POST", "/api/v1/logements/" + commun + "/designation", null, "{\"candidats\": []}")
                            .statusCode() == 400);
            String sien = commun + "X" + i;
            boolean bouton = web.get("/logements/" + sien).body().contains("Retirer le logement");
            attendu(ecarts, q, "retirer", bouton, rest(basic, "POST", "/api/v1/logements/" + sien + "/retrait", null,
                    "{\"motif\": \"sonde des droits\"}").statusCode() == 200);
        }
        assertEquals(List.of(), ecarts);
        // nothing written by the probes but the allowed withdrawals: the landlord's and the gestionnaire's
        assertEquals(0, db.count("SELECT count(*) FROM candidature c JOIN logement_offert l ON l.id = c.logement_id"
                + " WHERE l.identifiant_rpls LIKE '" + commun + "%'"));
        assertEquals(2, db.count("SELECT count(*) FROM logement_offert WHERE identifiant_rpls LIKE '" + commun + "%'"
                + " AND statut = 'RETIRE'"));
    }

    /**
     * The gestionnaire's and the statistics' screens for each role: the accounts, the territories and the audit trail
     * open (and sit in the menu) exactly when the REST API gives the same account the organisations and the audit
     * trail; the statistics, the map and the data quality when it gives the monthly series and the stock.
     */
    @Test
    public void chaqueEcranDeGestionEtDeStatistiquesSuitLesDroitsDeLApi() throws Exception {
        compte("DDETS44", "ETAT", "044", null, "gestionnaire.g44", "gestionnaire");
        compte("MAIRIE-REZE", "GUICHET", "044", "G1105", "agent.greze", "guichet");
        compte("HABITAT44", "BAILLEUR", "044", null, "bailleur.g44", "bailleur");
        compte("PREFECTURE44", "ETAT", "044", null, "observateur.g44", "observateur");
        compte("DDETS44", "ETAT", "044", null, "admin.g44", "admin");
        List<String> ecarts = new ArrayList<>();
        for (String q : List.of("agent.greze", "bailleur.g44", "gestionnaire.g44", "observateur.g44", "admin.g44")) {
            String basic = HubLance.basic(q, MDP);
            ClientWeb web = connecte(q);
            String accueil = web.get("/").body();
            int organisations = rest(basic, "GET", "/api/v1/acces/organisations", null, null).statusCode();
            attendu(ecarts, q, "comptes (menu)", accueil.contains("href=\"/backoffice/comptes\""),
                    organisations == 200);
            comparer(ecarts, q, "comptes", web.get("/comptes").statusCode(), organisations);
            comparer(ecarts, q, "territoires", web.get("/territoires").statusCode(), organisations);
            int audit = rest(basic, "GET", "/api/v1/audit", null, null).statusCode();
            attendu(ecarts, q, "audit (menu)", accueil.contains("href=\"/backoffice/audit\""), audit == 200);
            comparer(ecarts, q, "audit", web.get("/audit").statusCode(), audit);
            comparer(ecarts, q, "statistiques", web.get("/statistiques").statusCode(), rest(basic, "GET",
                    "/api/v1/statistiques/series-mensuelles?debut=2026-01-01&fin=2026-06-30", null, null)
                    .statusCode());
            int stock = rest(basic, "GET", "/api/v1/statistiques/stock?granularite=departement&date="
                    + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")), null, null).statusCode();
            comparer(ecarts, q, "carte", web.get("/statistiques/carte").statusCode(), stock);
            comparer(ecarts, q, "qualité", web.get("/qualite").statusCode(), rest(basic, "GET",
                    "/api/v1/statistiques/qualite", null, null).statusCode());
        }
        assertEquals(List.of(), ecarts);
    }

    /** HABITAT44 offers a T3 in Nantes reserved for the commune of Rezé (declared by a gestionnaire through REST). */
    private static void declarer(String basic, String rpls) throws Exception {
        HttpResponse<String> r = rest(basic, "POST", "/api/v1/logements", null, "{\"identifiantRpls\": \"" + rpls
                + "\", \"bailleur\": \"HABITAT44\", \"adresse\": \"8 rue des Halles\", \"commune\": \"44109\","
                + " \"typologie\": \"T3\", \"surface\": 67.5, \"etage\": 1, \"ascenseur\": false, \"accessibilite\":"
                + " \"NON\", \"loyer\": 455.00, \"charges\": 65.00, \"financement\": \"PLUS\", \"reservataire\":"
                + " {\"type\": \"COLLECTIVITE\", \"organisation\": \"MAIRIE-REZE\"}, \"dateDisponibilite\":"
                + " \"2027-03-01\"}");
        assertEquals(r.body(), 201, r.statusCode());
    }

    /** A back-office session of this account, signed in through the page's form. */
    private static ClientWeb connecte(String qui) throws Exception {
        ClientWeb web = new ClientWeb(hub.base + "/backoffice");
        web.get("/connexion");
        assertEquals(qui, 303, web.post("/connexion", Map.of("identifiant", qui, "motDePasse", MDP, "retour", "/"))
                .statusCode());
        return web;
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
