package org.registrehub.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jms.TextMessage;

import org.junit.Before;
import org.junit.Test;

/**
 * The attribution side on the distribution: a landlord offers a dwelling through REST and another through its ERP
 * queue; its candidates are ranked and explained for its landlord, its réservataire and the gestionnaire (REST and
 * console), refused to another landlord; the features' REST and console pieces are there.
 */
public class AttributionIT extends HubTestSupport {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([0-9AB]{13}(G[0-9]{4}|GDPUB))\"");
    /** A commune no other test of the suite wishes: its candidates are this class's demands only. */
    private static final String COMMUNE = "44035";

    /** The text holds the part (the Pax Exam probe carries no Hamcrest). */
    private static void contient(String texte, String partie) {
        assertTrue("« " + partie + " » absent de : " + texte, texte.contains(partie));
    }

    @Before
    public void hubPret() throws Exception {
        attendreHubPret(Duration.ofSeconds(120));
        comptes();
    }

    private String demande(String nom) throws Exception {
        HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson(nom)
                .replace("\"communes\": [\"44109\", \"44162\"]", "\"communes\": [\"" + COMMUNE + "\"]"));
        assertEquals(cree.body(), 201, cree.statusCode());
        Matcher m = NUMERO.matcher(cree.body());
        assertTrue(m.find());
        return m.group(1);
    }

    static String logement(String rpls, String reservataire) {
        return """
            {"identifiantRpls": "%s", "adresse": "8 rue des Halles", "commune": "%s", "typologie": "T3",
             "surface": 67.5, "etage": 1, "ascenseur": false, "accessibilite": "NON", "loyer": 455.00,
             "charges": 65.00, "financement": "PLUS", "reservataire": {"type": "PREFECTURE", "organisation": "%s"},
             "dateDisponibilite": "%s"}""".formatted(rpls, COMMUNE, reservataire, LocalDate.now().plusMonths(1));
    }

    @Test
    public void unLogementOffertEnRestALesCandidatsDuTerritoireClassesEtExpliques() throws Exception {
        // the example household: a couple and a child (3 persons), 3 170.50 € a month, tax income 31 200 €, T3 wished
        String numero = demande("Attribution");
        HttpResponse<String> offert = postEnTantQue("bailleur.nmh", "/api/v1/logements", "application/json",
                logement("ITRPLS0001", "DDETS44"));
        assertEquals(offert.body(), 201, offert.statusCode());
        contient(offert.headers().firstValue("Location").orElseThrow(), "/api/v1/logements/ITRPLS0001");
        contient(offert.body(), "\"bailleur\":\"NMH\"");

        HttpResponse<String> candidats = getEnTantQue("bailleur.nmh", "/api/v1/logements/ITRPLS0001/candidats");
        assertEquals(candidats.body(), 200, candidats.statusCode());
        contient(candidats.body(), "\"numeroUnique\":\"" + numero + "\"");
        contient(candidats.body(), "\"tauxEffort\":16.4");
        contient(candidats.body(), "(loyer + charges) 520.00 € / ressources 3170.50 € = 16.4 %");
        // the réservataire (the State service) and the gestionnaire read them too; another landlord does not
        assertEquals(200, getEnTantQue(GESTIONNAIRE, "/api/v1/logements/ITRPLS0001/candidats").statusCode());
        HttpResponse<String> refuse = getEnTantQue("bailleur.lmh", "/api/v1/logements/ITRPLS0001/candidats");
        assertEquals(refuse.body(), 403, refuse.statusCode());
        // a bad declaration: every field named, nothing written
        HttpResponse<String> invalide = postEnTantQue("bailleur.nmh", "/api/v1/logements", "application/json",
                logement("ITRPLS0002", "DDETS44").replace("\"T3\"", "\"T9\"").replace("455.00", "-1"));
        assertEquals(invalide.body(), 400, invalide.statusCode());
        contient(invalide.body(), "typologie");
        assertEquals(404, getEnTantQue("bailleur.nmh", "/api/v1/logements/ITRPLS0002").statusCode());

        String console = executerEnTantQue(GESTIONNAIRE, "registre:logement-candidats --detail ITRPLS0001");
        contient(console, numero);
        contient(console, "Taux d'effort");
        contient(console, "[éliminatoire]");
        contient(executerEnTantQue(GESTIONNAIRE, "registre:logement-retirer ITRPLS0001 \"loué hors registre\""),
                "RETIRE");
        contient(executerEnTantQue(GESTIONNAIRE, "registre:logement ITRPLS0001"), "RETRAIT");
        assertEquals(409, getEnTantQue("bailleur.nmh", "/api/v1/logements/ITRPLS0001/candidats").statusCode());
        assertTrue(compterEnDirect("SELECT count(*) FROM audit WHERE operation = 'RAPPROCHEMENT' AND details LIKE"
                + " 'logement ITRPLS0001 %'") >= 2);
    }

    @Test
    public void unBailleurOffreUnLogementParSaFileErp() throws Exception {
        String messageId = "it-" + UUID.randomUUID();
        String corps = "{\"messageId\":\"" + messageId + "\",\"type\":\"offreLogement\",\"versionSchema\":1,"
                + "\"horodatage\":\"2026-12-01T09:00:00Z\",\"offreLogement\":" + logement("ITRPLS0003", "NMH")
                .replace("\"PREFECTURE\"", "\"BAILLEUR\"") + "}";
        TextMessage reponse = envoyerErp("bailleur.nmh", "NMH", messageId, corps);
        assertNotNull("réponse de l'offre", reponse);
        contient(reponse.getText(), "\"statut\":\"ACCEPTE\"");
        contient(reponse.getText(), "\"type\":\"reponseOffreLogement\"");
        HttpResponse<String> lu = getEnTantQue(GESTIONNAIRE, "/api/v1/logements/ITRPLS0003/historique");
        assertEquals(lu.body(), 200, lu.statusCode());
        contient(lu.body(), "\"canal\":\"ERP\"");
        contient(lu.body(), "\"acteur\":\"bailleur.nmh\"");
        // delivered again: the same answer, one offer
        TextMessage encore = envoyerErp("bailleur.nmh", "NMH", messageId, corps);
        contient(encore.getText(), "\"dejaTraite\":true");
        assertEquals(1, compterEnDirect("SELECT count(*) FROM logement_offert WHERE identifiant_rpls = 'ITRPLS0003'"));
        contient(executerEnTantQue(GESTIONNAIRE, "registre:logement-lister --commune " + COMMUNE),
                "ITRPLS0003");
    }

    @Test
    public void laCotationDUneDemandeSuitLaGrilleDuTerritoire() throws Exception {
        String numero = demande("Cotee");
        String grille = "{\"criteres\":[{\"code\":\"TROP_PETIT\",\"libelle\":\"Logement trop petit\",\"type\":"
                + "\"MOTIF\",\"valeur\":\"LOGEMENT_TROP_PETIT\",\"points\":20},{\"code\":\"ENFANTS\",\"libelle\":"
                + "\"Par personne à charge\",\"type\":\"PERSONNE_A_CHARGE\",\"points\":5,\"plafond\":15}]}";
        HttpResponse<String> refusee = envoyerEnTantQue("bailleur.nmh", "PUT", "/api/v1/cotation/grilles/044", null,
                grille);
        assertEquals(refusee.body(), 403, refusee.statusCode());
        HttpResponse<String> definie = envoyerEnTantQue(GESTIONNAIRE, "PUT", "/api/v1/cotation/grilles/044", null,
                grille);
        assertEquals(definie.body(), 200, definie.statusCode());
        contient(definie.body(), "\"territoire\":\"044\"");
        // the example household: motive "logement trop petit", one child
        HttpResponse<String> cotation = getEnTantQue("bailleur.habitat44", "/api/v1/cotation/demandes/" + numero);
        assertEquals(cotation.body(), 200, cotation.statusCode());
        contient(cotation.body(), "\"points\":25");
        contient(cotation.body(), "\"commune\":\"" + COMMUNE + "\"");
        assertEquals(200, getEnTantQue("observatoire", "/api/v1/cotation/grilles/044").statusCode());
        assertEquals(403, getEnTantQue("observatoire", "/api/v1/cotation/demandes/" + numero).statusCode());
        // the departmental systems read it through SOAP
        HttpResponse<String> soap = postEnTantQue("agent.g1104", "/ws/registre/v1", "text/xml; charset=UTF-8",
                exemple("soap/cotation-demande.xml").replaceFirst("<r:numeroUnique>[^<]*</r:numeroUnique>",
                        "<r:numeroUnique>" + numero + "</r:numeroUnique>"));
        assertEquals(soap.body(), 200, soap.statusCode());
        contient(soap.body(), "<points>25</points>");
        contient(soap.body(), "<code>TROP_PETIT</code>");
        String console = executerEnTantQue(GESTIONNAIRE, "registre:cotation " + numero);
        contient(console, "25 point(s)");
        contient(console, "TROP_PETIT");
    }

    @Test
    public void uneCommissionExamineLesCandidatsEtDecide() throws Exception {
        String premier = demande("Commission");
        String second = demande("Commission");
        assertEquals(201, postEnTantQue("bailleur.nmh", "/api/v1/logements", "application/json",
                logement("ITRPLS0010", "DDETS44")).statusCode());
        HttpResponse<String> designes = postEnTantQue("bailleur.nmh", "/api/v1/logements/ITRPLS0010/designation",
                "application/json", "{\"candidats\":[{\"numeroUnique\":\"" + premier + "\",\"rang\":1},"
                        + "{\"numeroUnique\":\"" + second + "\",\"rang\":2}],\"motifMoinsDeTrois\":"
                        + "\"DEMANDE_INSUFFISANTE\"}");
        assertEquals(designes.body(), 200, designes.statusCode());
        HttpResponse<String> plan = postEnTantQue("bailleur.nmh", "/api/v1/commissions", "application/json",
                "{\"date\":\"" + LocalDate.now().plusDays(10) + "\",\"lieu\":\"siège\",\"logements\":"
                        + "[\"ITRPLS0010\"]}");
        assertEquals(plan.body(), 201, plan.statusCode());
        String id = plan.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        HttpResponse<byte[]> fiches = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                + "/api/v1/commissions/" + id + "/fiches.pdf")).header("Authorization", basic("bailleur.nmh",
                MOT_DE_PASSE)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fiches.statusCode());
        assertEquals("%PDF", new String(fiches.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(403, getEnTantQue("bailleur.lmh", "/api/v1/commissions/" + id).statusCode());
        HttpResponse<String> decidees = postEnTantQue("bailleur.nmh", "/api/v1/commissions/" + id
                + "/logements/ITRPLS0010/decisions", "application/json", "{\"decisions\":[{\"numeroUnique\":\""
                + premier + "\",\"decision\":\"ATTRIBUTION\"},{\"numeroUnique\":\"" + second + "\","
                + "\"decision\":\"ATTRIBUTION_PAR_CLASSEMENT\",\"rang\":2}]}");
        assertEquals(decidees.body(), 200, decidees.statusCode());
        contient(decidees.body(), "\"statut\":\"TENUE\"");
        contient(getEnTantQue("bailleur.nmh", "/api/v1/logements/ITRPLS0010/candidatures").body(),
                "\"statut\":\"ATTRIBUEE_CLASSEMENT\"");
        assertEquals(1, compterEnDirect("SELECT count(*) FROM suivi_attribution WHERE numero_unique = '" + premier
                + "' AND nature = 'DECISION_CAL' AND decision = 'ATTRIBUTION'"));
        // the applicant is told of the proposal and of the decision, once each (the route may have sent them already)
        HttpResponse<String> envoi = postEnTantQue(GESTIONNAIRE, "/api/v1/commissions/notifications/envoi",
                "application/json", "");
        assertEquals(envoi.body(), 200, envoi.statusCode());
        contient(envoi.body(), "\"restantes\":0");
        HttpResponse<String> dites = getEnTantQue("bailleur.nmh", "/api/v1/commissions/notifications/" + premier);
        assertEquals(dites.body(), 200, dites.statusCode());
        contient(dites.body(), "\"nature\":\"PROPOSITION\"");
        contient(dites.body(), "\"decision\":\"ATTRIBUTION\"");
        assertEquals(2, compterEnDirect("SELECT count(*) FROM notification_candidature WHERE numero_unique = '"
                + premier + "' AND etat = 'ENVOYEE'"));
        assertEquals(2, compterEnDirect("SELECT count(*) FROM audit WHERE operation = 'NOTIFICATION'"
                + " AND numero_unique = '" + premier + "'"));
        assertEquals(403, getEnTantQue("bailleur.nmh", "/api/v1/commissions/notifications/0591226000001G5901")
                .statusCode());
        // the candidature's events (designated, decided) are relayed to the territory's landlords like any change
        await("événements de la candidature relayés").atMost(Duration.ofSeconds(30)).until(() -> compterEnDirect(
                "SELECT count(*) FROM outbox WHERE numero_unique = '" + premier + "' AND type IN"
                        + " ('candidatureDesignee', 'candidatureChangee') AND publie_le IS NOT NULL"
                        + " AND 'NMH' = ANY (destinataires)"), n -> n == 2);
    }
}
