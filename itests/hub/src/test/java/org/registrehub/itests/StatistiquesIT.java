package org.registrehub.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;

/**
 * The Infocentre on the running distribution: the JSON tables, the files (CSV, XLSX, SVG, PNG) and the HTML report
 * over REST as an observateur, a landlord's reading (its territories, the secret statistique), a file for diffusion,
 * errors naming the parameter, and the console export as a gestionnaire. This is where
 * the bundle's embedded libraries (fastexcel, JFreeChart, JFreeSVG) and commons-csv show they resolve and run under
 * OSGi.
 */
public class StatistiquesIT extends HubTestSupport {

    private static final Pattern NUMERO = Pattern.compile("\"numeroUnique\":\"([^\"]+)\"");
    private static final String OBSERVATEUR = "observatoire";

    @Before
    public void hubPret() throws Exception {
        attendreHubPret(Duration.ofSeconds(120));
        comptes();
    }

    private HttpResponse<byte[]> fichier(String chemin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + chemin)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(OBSERVATEUR, MOT_DE_PASSE)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void tableauxFichiersEtRapportEnTantQuObservateur() throws Exception {
        String aujourdhui = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        String numero = null;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> cree = post("/api/v1/demandes", "application/json", demandeJson("Infocentre"));
            assertEquals(cree.body(), 201, cree.statusCode());
            Matcher m = NUMERO.matcher(cree.body());
            assertTrue(m.find());
            numero = m.group(1);
        }
        HttpResponse<String> radiee = envoyer("POST", "/api/v1/demandes/" + numero + "/radiation", "\"0\"",
                "{\"motif\": \"ABANDON\"}");
        assertEquals(radiee.body(), 200, radiee.statusCode());

        // JSON tables
        HttpResponse<String> flux = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/flux?debut=" + aujourdhui
                + "&fin=" + aujourdhui);
        assertEquals(flux.body(), 200, flux.statusCode());
        assertTrue(flux.body(), flux.body().contains("\"code\":\"044\",\"stockDebut\":0,\"nouvelles\":3"));
        assertTrue(flux.body(), flux.body().contains("\"abandon\":1"));
        HttpResponse<String> typologies = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/repartitions/typologie");
        assertEquals(typologies.body(), 200, typologies.statusCode());
        assertTrue(typologies.body(), typologies.body().contains("\"total\":{\"code\":\"TOTAL\""));
        assertTrue(typologies.body(), typologies.body().contains("\"total\":2}"));
        HttpResponse<String> qualite = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/qualite");
        assertEquals(qualite.body(), 200, qualite.statusCode());
        assertTrue(qualite.body(), qualite.body().contains("\"code\":\"NIR_ABSENT\""));
        assertTrue(qualite.body(), qualite.body().contains("\"NIR_ABSENT\":2"));
        assertEquals(200, getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/delais-anormalement-longs").statusCode());
        HttpResponse<String> series = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/series-mensuelles?debut="
                + aujourdhui + "&fin=" + aujourdhui);
        assertTrue(series.body(), series.body().contains("\"nouvelles\":3,\"reprises\":0,\"renouvellements\":0,"
                + "\"radiations\":1"));
        // the satisfied demands and the pressure by commune, on the distribution
        HttpResponse<String> satisfaites = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/attributions/priorite?debut="
                + aujourdhui + "&fin=" + aujourdhui);
        assertEquals(satisfaites.body(), 200, satisfaites.statusCode());
        assertTrue(satisfaites.body(), satisfaites.body().contains("\"modalites\":[\"DALO\",\"HANDICAP\""));
        HttpResponse<String> pression = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/pression?debut="
                + aujourdhui + "&fin=" + aujourdhui);
        assertEquals(pression.body(), 200, pression.statusCode());
        assertTrue(pression.body(), pression.body().contains("\"commune\":\"TOTAL\",\"enAttente\":2"));
        assertEquals(200, getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/satisfaction?debut=" + aujourdhui
                + "&fin=" + aujourdhui).statusCode());

        // a landlord reads its territories only, under the secret statistique: a masked cell is null and named
        HttpResponse<String> bailleur = getEnTantQue("bailleur.nmh", "/api/v1/statistiques/flux?debut=" + aujourdhui
                + "&fin=" + aujourdhui);
        assertEquals(bailleur.body(), 200, bailleur.statusCode());
        assertTrue(bailleur.body(), bailleur.body().contains("\"secretStatistique\":{\"seuil\":5"));
        assertTrue(bailleur.body(), bailleur.body().contains("\"code\":\"044\",\"stockDebut\":0,\"nouvelles\":null"));
        assertTrue(bailleur.body(), bailleur.body().contains("\"abandon\":null"));
        assertTrue(bailleur.body(), bailleur.body().contains("\"secrets\":[\"nouvelles\",\"abandon\",\"stockFin\"]"));
        HttpResponse<String> lille = getEnTantQue("bailleur.lmh", "/api/v1/statistiques/flux?debut=" + aujourdhui
                + "&fin=" + aujourdhui);
        assertEquals(lille.body(), 200, lille.statusCode());
        assertTrue(lille.body(), !lille.body().contains("\"044\""));
        HttpResponse<String> serieLille = getEnTantQue("bailleur.lmh", "/api/v1/statistiques/series-mensuelles?debut="
                + aujourdhui + "&fin=" + aujourdhui + "&departement=044");
        assertEquals(serieLille.body(), 403, serieLille.statusCode());

        // files
        HttpResponse<byte[]> diffusion = fichier("/api/v1/statistiques/export/flux.csv?diffusion=true&debut="
                + aujourdhui + "&fin=" + aujourdhui);
        assertEquals(200, diffusion.statusCode());
        String diffuse = new String(diffusion.body(), StandardCharsets.UTF_8);
        assertTrue(diffuse, diffuse.contains("044;0;secret;0;0;secret;secret;"));
        HttpResponse<byte[]> csv = fichier("/api/v1/statistiques/export/flux.csv?debut=" + aujourdhui + "&fin="
                + aujourdhui);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String texte = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(texte, texte.contains("Département;Stock début;Nouvelles"));
        assertTrue(texte, texte.contains("044;0;3;0;0;1;1;"));
        HttpResponse<byte[]> xlsx = fichier("/api/v1/statistiques/export/repartition.xlsx?dimension=AGE");
        assertEquals(200, xlsx.statusCode());
        assertEquals('P', xlsx.body()[0]);
        assertEquals('K', xlsx.body()[1]);
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("repartition-age.xlsx"));
        HttpResponse<byte[]> png = fichier("/api/v1/statistiques/export/series.png");
        assertEquals(200, png.statusCode());
        assertEquals((byte) 0x89, png.body()[0]);
        assertEquals('P', png.body()[1]);
        assertTrue("un vrai graphique", png.body().length > 5_000);
        HttpResponse<byte[]> svg = fichier("/api/v1/statistiques/export/qualite.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(new String(svg.body(), StandardCharsets.UTF_8).contains("<svg"));
        HttpResponse<byte[]> tout = fichier("/api/v1/statistiques/export/rapport.xlsx");
        assertEquals(200, tout.statusCode());

        // the report page
        HttpResponse<String> rapport = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/rapport");
        assertEquals(rapport.body(), 200, rapport.statusCode());
        assertTrue(rapport.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(21, rapport.body().split("<section ", -1).length - 1);
        assertTrue(rapport.body().contains("href=\"export/flux.csv?debut="));

        // errors name the parameter; no account, no figures
        HttpResponse<String> format = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/export/flux.txt");
        assertEquals(format.body(), 400, format.statusCode());
        assertTrue(format.body(), format.body().contains("format"));
        HttpResponse<String> dimension = getEnTantQue(OBSERVATEUR, "/api/v1/statistiques/repartitions/couleur");
        assertEquals(dimension.body(), 400, dimension.statusCode());
        assertTrue(dimension.body(), dimension.body().contains("dimension"));
        assertEquals(401, getEnTantQue(null, "/api/v1/statistiques/rapport").statusCode());

        // the console, as a gestionnaire: a file name, written in the exports folder, readable by the hub only
        Path dossier = Path.of(System.getProperty("karaf.data"), "registre", "exports");
        String sortie = executerEnTantQue(GESTIONNAIRE, "registre:statistiques-exporter --tableau qualite qualite.csv");
        assertTrue(sortie, sortie.contains("Écrit : " + dossier.resolve("qualite.csv")));
        assertTrue(Files.readString(dossier.resolve("qualite.csv")).contains("Guichet;Demandes actives;"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dossier.resolve("qualite.csv"))));
        sortie = executerEnTantQue(GESTIONNAIRE, "registre:statistiques-exporter --diffusion --du " + aujourdhui
                + " --au " + aujourdhui + " flux-diffusion.csv");
        assertTrue(sortie, Files.readString(dossier.resolve("flux-diffusion.csv")).contains(";secret;"));
        sortie = executerEnTantQue(GESTIONNAIRE, "registre:statistiques-exporter rapport.html");
        assertTrue(sortie, Files.readString(dossier.resolve("rapport.html")).contains("<h1>Rapport statistique"));
        sortie = executerEnTantQue(GESTIONNAIRE, "registre:statistiques-exporter /tmp/ailleurs.csv");
        assertTrue(sortie, sortie.contains("sans dossier") && !Files.exists(Path.of("/tmp/ailleurs.csv")));
        sortie = executerEnTantQue(GESTIONNAIRE, "registre:statistiques-exporter tableau.doc");
        assertTrue(sortie, sortie.contains("fichier"));
    }
}
