package org.registrehub.statistiques.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.api.Attribution;
import org.registrehub.api.Demande;
import org.registrehub.api.DemandeInvalideException;
import org.registrehub.api.DemandeRadiation;
import org.registrehub.api.Dossier;
import org.registrehub.api.MotifRadiation;
import org.registrehub.api.NouvelleDemande;
import org.registrehub.api.RegistreService;
import org.registrehub.api.statistiques.Dimension;
import org.registrehub.api.statistiques.DimensionAttribution;
import org.registrehub.api.statistiques.FormatExport;
import org.registrehub.api.statistiques.Granularite;
import org.registrehub.api.statistiques.IndicateurQualite;
import org.registrehub.api.statistiques.TableauDemande;
import org.registrehub.api.statistiques.StatistiquesService;
import org.registrehub.api.statistiques.TableauFlux;
import org.registrehub.testing.HorlogeReglable;

/**
 * The exports and the HTML report: CSV read back with commons-csv, XLSX opened as the zip it is, PNG decoded, SVG
 * parsed; the report page rendered by headless Chromium (its DOM after rendering checked, a screenshot left in
 * {@code target/rapport-statistique/}).
 */
public class RapportStatistiquesTest extends BaseDeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate DEBUT = LocalDate.of(2025, 1, 1);
    private static final LocalDate FIN = LocalDate.of(2025, 12, 31);

    private final HorlogeReglable horloge = new HorlogeReglable(PARIS, null);
    private StatistiquesServiceImpl statistiques;
    private RapportStatistiquesImpl rapport;

    @Before
    public void setUp() {
        RegistreService registre = registre(horloge);
        statistiques = new StatistiquesServiceImpl(statistiquesStore, horloge, ReglesStatistiques.DEFAUT);
        rapport = new RapportStatistiquesImpl(statistiques, horloge);
        // a year of life in two départements: 3 registrations a week, an attribution every other week
        List<Demande> actives = new ArrayList<>();
        int n = 0;
        for (LocalDate jour = DEBUT; jour.isBefore(FIN); jour = jour.plusDays(2)) {
            horloge.jour(jour.toString());
            String commune = n % 3 == 0 ? "85191" : "44109";
            actives.add(registre.enregistrer(new NouvelleDemande(n % 3 == 0 ? "G8501" : "G1104", dossier(commune,
                    n++)), GESTIONNAIRE));
            if (n % 7 == 0) {
                Demande d = actives.remove(0);
                registre.radier(d.numeroUnique(), d.version(), new DemandeRadiation(MotifRadiation.ATTRIBUTION,
                        new Attribution("Bailleur", "RPLS" + n, "ETAT", false), null, null), GESTIONNAIRE);
            }
        }
        horloge.jour("2026-01-15");
    }

    private static Dossier dossier(String commune, int n) {
        return DossiersDeTest.dossier("Rapport", "Rap", commune, n);
    }

    /**
     * A whole report's tables are computed side by side (issue 23): each call of the statistics waits until another
     * one is running too, 10 s at most — one after the other, the first would wait in vain and none would ever see
     * another — and the report's tables are those of a report computed one table at a time
     * ({@code rapport.parallelisme=1}).
     */
    @Test
    public void lesTableauxDuRapportSeCalculentEnParallele() throws Exception {
        java.util.concurrent.CountDownLatch deux = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.atomic.AtomicInteger enCours = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger auPlus = new java.util.concurrent.atomic.AtomicInteger();
        StatistiquesService enParallele = (StatistiquesService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {StatistiquesService.class}, (proxy, methode, args) -> {
                    auPlus.accumulateAndGet(enCours.incrementAndGet(), Math::max);
                    try {
                        deux.countDown();
                        deux.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        return methode.invoke(statistiques, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        enCours.decrementAndGet();
                    }
                });
        RapportStatistiquesImpl parallele = new RapportStatistiquesImpl(enParallele, horloge);
        String html = parallele.rapportHtml(DEBUT, FIN, Granularite.DEPARTEMENT, null, OBSERVATEUR);
        assertTrue("au plus " + auPlus.get() + " tableau(x) calculé(s) à la fois", auPlus.get() >= 2);
        // the charts' SVG carry identifiers of their own: the tables compared
        String sansGraphes = "<div class=\"graphe\">.*?</div>";
        RapportStatistiquesImpl unParUn = new RapportStatistiquesImpl(statistiques, horloge);
        unParUn.modifier(java.util.Map.of("rapport.parallelisme", "1"));
        assertEquals(unParUn.rapportHtml(DEBUT, FIN, Granularite.DEPARTEMENT, null, OBSERVATEUR)
                .replaceAll(sansGraphes, ""), html.replaceAll(sansGraphes, ""));
    }

    @Test
    public void lesExportsRelisentLesChiffresDuTableau() throws Exception {
        TableauFlux flux = statistiques.flux(DEBUT, FIN, Granularite.DEPARTEMENT, OBSERVATEUR);
        TableauDemande demande = new TableauDemande("flux", DEBUT, FIN, Granularite.DEPARTEMENT, null, null);

        // CSV: BOM, semicolons, the header, a row per département and the total
        byte[] csv = rapport.exporter(demande, FormatExport.CSV, OBSERVATEUR);
        assertEquals((byte) 0xEF, csv[0]);
        List<CSVRecord> lignes = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();
        assertEquals("Département", lignes.get(0).get(0));
        assertEquals("Reprises (import)", lignes.get(0).get(3));
        assertEquals("Stock fin", lignes.get(0).get(13));
        assertEquals(flux.lignes().size() + 2, lignes.size());
        assertEquals("044", lignes.get(1).get(0));
        assertEquals(String.valueOf(flux.lignes().get(0).nouvelles()), lignes.get(1).get(2));
        assertEquals("TOTAL", lignes.get(lignes.size() - 1).get(0));
        assertEquals(String.valueOf(flux.total().stockFin()), lignes.get(lignes.size() - 1).get(13));

        // XLSX: a zip with a workbook and a sheet holding the figures as numbers
        String feuille = entree(rapport.exporter(demande, FormatExport.XLSX, OBSERVATEUR), "xl/worksheets/sheet1.xml");
        assertTrue(feuille, feuille.contains("<v>" + flux.total().stockFin() + "</v>"));
        assertTrue(feuille.contains("<v>" + flux.lignes().get(0).nouvelles() + "</v>"));
        // the whole report: one sheet per table
        byte[] tout = rapport.exporter(new TableauDemande("rapport", DEBUT, FIN, null, null, null),
                FormatExport.XLSX, OBSERVATEUR);
        assertTrue(entree(tout, "xl/workbook.xml").contains("name=\"qualite\""));
        assertEquals(6 + Dimension.values().length + DimensionAttribution.values().length, feuilles(tout));

        // charts: a PNG of the right size with more than a background, a well-formed SVG with bars
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(rapport.exporter(demande, FormatExport.PNG,
                OBSERVATEUR)));
        assertEquals(Ecritures.LARGEUR, png.getWidth());
        assertTrue("le graphique dessine quelque chose", couleurs(png) > 20);
        byte[] svg = rapport.exporter(new TableauDemande("repartition", null, null, null, Dimension.AGE, null),
                FormatExport.SVG, OBSERVATEUR);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", document.getDocumentElement().getNodeName());
        assertTrue(new String(svg, StandardCharsets.UTF_8).contains("Âge du demandeur"));

        // an unknown table or format is named
        try {
            rapport.exporter(new TableauDemande("camembert", null, null, null, null, null), FormatExport.CSV,
                    OBSERVATEUR);
            fail("tableau inconnu");
        } catch (DemandeInvalideException e) {
            assertEquals("tableau", e.getErreurs().get(0).champ());
        }
        try {
            rapport.exporter(new TableauDemande("rapport", null, null, null, null, null), FormatExport.PNG,
                    OBSERVATEUR);
            fail("le rapport en PNG");
        } catch (DemandeInvalideException e) {
            assertEquals("format", e.getErreurs().get(0).champ());
        }
    }

    /** The entries of a workbook (opened by its central directory, as office tools do). */
    private static java.util.Map<String, String> classeur(byte[] zip) throws IOException {
        Path fichier = Files.createTempFile("classeur", ".xlsx");
        try {
            Files.write(fichier, zip);
            java.util.Map<String, String> entrees = new java.util.HashMap<>();
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(fichier.toFile())) {
                for (var e : java.util.Collections.list(z.entries())) {
                    entrees.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return entrees;
        } finally {
            Files.delete(fichier);
        }
    }

    private static String entree(byte[] zip, String nom) throws IOException {
        String contenu = classeur(zip).get(nom);
        if (contenu == null) {
            throw new AssertionError(nom + " absent du classeur");
        }
        return contenu;
    }

    private static int feuilles(byte[] zip) throws IOException {
        return (int) classeur(zip).keySet().stream().filter(n -> n.matches("xl/worksheets/sheet[0-9]+\\.xml")).count();
    }

    private static int couleurs(BufferedImage image) {
        Set<Integer> vues = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                vues.add(image.getRGB(x, y));
            }
        }
        return vues.size();
    }

    private static String chromium() {
        for (String c : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, c))) {
                    return Path.of(dir, c).toString();
                }
            }
        }
        throw new AssertionError("Chromium introuvable dans le PATH : installez le paquet Debian chromium"
                + " (apt-get install chromium), ou lancez bash .ci/run, qui l'installe avant les tests");
    }

    private static String lancer(Path sortie, String... arguments) throws Exception {
        List<String> commande = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + sortie.resolve("profil")));
        commande.addAll(List.of(arguments));
        Process p = new ProcessBuilder(commande).redirectError(sortie.resolve("chromium.log").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("Chromium s'est arrêté", p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("Chromium : " + Files.readString(sortie.resolve("chromium.log")), 0, p.exitValue());
        return dom;
    }

    @Test
    public void leRapportHtmlSAfficheDansChromium() throws Exception {
        Path sortie = Path.of("target", "rapport-statistique").toAbsolutePath();
        Files.createDirectories(sortie);
        Path page = sortie.resolve("rapport.html");
        Files.writeString(page, rapport.rapportHtml(DEBUT, FIN, Granularite.DEPARTEMENT, "export", OBSERVATEUR));

        String dom = lancer(sortie, "--dump-dom", page.toUri().toString());
        // the document the browser built: every section with its chart, the figures, the definitions
        int sections = 6 + Dimension.values().length + DimensionAttribution.values().length;
        assertEquals(sections, compter(dom, "<section "));
        assertEquals(sections, compter(dom, "<svg "));
        assertTrue(dom.contains("Rapport statistique du registre — du 2025-01-01 au 2025-12-31"));
        TableauFlux flux = statistiques.flux(DEBUT, FIN, Granularite.DEPARTEMENT, OBSERVATEUR);
        assertTrue("stock fin du total", dom.contains("<td class=\"n\">" + String.format(java.util.Locale.FRANCE,
                "%,d", flux.total().stockFin()) + "</td>"));
        for (IndicateurQualite i : IndicateurQualite.values()) {
            assertTrue(i.name(), dom.contains(i.definition()));
        }
        assertTrue(dom.contains("href=\"export/flux.csv?debut=2025-01-01&amp;fin=2025-12-31&amp;granularite="
                + "DEPARTEMENT\""));

        // and what it drew: a screenshot of the page, more than a blank sheet
        Path capture = sortie.resolve("rapport.png");
        Files.deleteIfExists(capture);
        lancer(sortie, "--window-size=1280,2400", "--screenshot=" + capture, page.toUri().toString());
        BufferedImage image = ImageIO.read(capture.toFile());
        assertEquals(1280, image.getWidth());
        assertTrue("la capture montre tableaux et graphiques", couleurs(image) > 50);
        System.out.println("Capture du rapport : " + capture);
    }

    private static int compter(String texte, String motif) {
        Matcher m = Pattern.compile(Pattern.quote(motif)).matcher(texte);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    public void unExportSEcritDansLeDossierDesExportsSeulementEtNEstLisibleQueDuHub() throws Exception {
        java.nio.file.Path dossier = java.nio.file.Files.createTempDirectory("exports");
        rapport.exports(dossier);
        org.registrehub.api.Contexte admin = org.registrehub.testing.Identites.contexte(
                org.registrehub.testing.Identites.admin(), org.registrehub.api.Canal.CONSOLE);
        for (String dehors : new String[] {"/etc/cron.d/x.csv", "../x.csv", "sous/x.csv", ".cache.csv", ""}) {
            try {
                rapport.deposer(dehors, new byte[] {1}, admin);
                org.junit.Assert.fail("written outside: " + dehors);
            } catch (org.registrehub.api.DemandeInvalideException attendu) {
                org.junit.Assert.assertEquals("fichier", attendu.getErreurs().get(0).champ());
            }
        }
        java.nio.file.Path ecrit = rapport.deposer("flux.csv", "a;b".getBytes(), admin);
        org.junit.Assert.assertEquals(dossier.resolve("flux.csv"), ecrit);
        org.junit.Assert.assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(ecrit)));

        // a table streamed into its file: the same bytes as the one-array export
        TableauDemande flux = new TableauDemande("flux", DEBUT, FIN, Granularite.DEPARTEMENT, null, null);
        java.nio.file.Path csv = rapport.deposer("flux.csv", rapport.preparer(flux, FormatExport.CSV, OBSERVATEUR),
                admin);
        org.junit.Assert.assertArrayEquals(rapport.exporter(flux, FormatExport.CSV, OBSERVATEUR),
                java.nio.file.Files.readAllBytes(csv));
        // an export that fails half-way leaves the file before it in place and nothing half-written beside it
        org.registrehub.api.statistiques.Export casse = new org.registrehub.api.statistiques.Export() {
            @Override
            public String tableau() {
                return "flux";
            }

            @Override
            public FormatExport format() {
                return FormatExport.CSV;
            }

            @Override
            public void ecrire(java.io.OutputStream sortie) throws java.io.IOException {
                sortie.write("Département;Stock\r\n044;".getBytes(StandardCharsets.UTF_8));
                throw new java.io.IOException("disque plein");
            }
        };
        try {
            rapport.deposer("flux.csv", casse, admin);
            org.junit.Assert.fail("export cassé déposé");
        } catch (java.io.UncheckedIOException attendu) {
            assertTrue(attendu.getMessage(), attendu.getMessage().contains(dossier.toString()));
        }
        org.junit.Assert.assertArrayEquals(rapport.exporter(flux, FormatExport.CSV, OBSERVATEUR),
                java.nio.file.Files.readAllBytes(csv));
        try (var fichiers = java.nio.file.Files.list(dossier)) {
            org.junit.Assert.assertEquals(List.of("flux.csv"), fichiers.map(f -> f.getFileName().toString())
                    .toList());
        }
    }
}
