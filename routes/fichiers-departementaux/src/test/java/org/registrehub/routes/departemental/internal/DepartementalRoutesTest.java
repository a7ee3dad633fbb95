package org.registrehub.routes.departemental.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit4.CamelTestSupport;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.registrehub.api.Contexte;
import org.registrehub.api.ExtraitsSortants;
import org.registrehub.api.ImportExtraits;
import org.registrehub.api.TravailImport;

/**
 * The routes only drive the departmental files' services: an extract dropped in the folder is handed to the import
 * under the drop folder's identity and moved to {@code traites} (or to {@code erreurs} when the import fails); the
 * interrupted imports are resumed once at start; the daily extract is asked at each tick whether it is due.
 */
public class DepartementalRoutesTest extends CamelTestSupport {

    @Rule
    public TemporaryFolder dossier = new TemporaryFolder();

    /** The import as the routes see it: what it was given, and whether it fails. */
    static final class ImportsObserves implements ImportExtraits {

        @Override
        public Path recevoir(String nomFichier, java.io.InputStream contenu, Contexte contexte) {
            throw new UnsupportedOperationException("pas de téléversement dans ce test");
        }

        final List<String> importes = new CopyOnWriteArrayList<>();
        final AtomicInteger reprises = new AtomicInteger();
        volatile Contexte contexte;

        @Override
        public TravailImport importer(Path fichier, String encodage, boolean forcer, Contexte c,
                                      Consumer<String> progression) {
            contexte = c;
            importes.add(fichier.getFileName().toString());
            String etat = fichier.getFileName().toString().startsWith("illisible") ? TravailImport.ECHEC
                    : TravailImport.TERMINE;
            return new TravailImport(1, fichier.toString(), "empreinte", "CSV", "UTF-8", etat, 0, 0, 0, 0, null,
                    null, TravailImport.ECHEC.equals(etat) ? "colonne absente" : null);
        }

        @Override
        public void reprendre(Contexte depot) {
            reprises.incrementAndGet();
        }

        @Override
        public List<TravailImport> travaux(int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String[]> correspondance(String numero, Contexte c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path rapportRejets(long importId, Contexte c) {
            throw new UnsupportedOperationException();
        }
    }

    /** The outbound extract as the routes see it: how many ticks reached it. */
    static final class ExtraitsObserves implements ExtraitsSortants {
        final AtomicInteger tops = new AtomicInteger();

        @Override
        public String produire() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void produireSiEchu() {
            tops.incrementAndGet();
        }
    }

    private final ImportsObserves imports = new ImportsObserves();
    private final ExtraitsObserves extraits = new ExtraitsObserves();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new DepartementalRoutes(imports, extraits);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("import.repertoire", dossier.getRoot().getAbsolutePath());
        p.setProperty("import.periodeSecondes", "0.05");
        p.setProperty("import.ageMinSecondes", "0");
        p.setProperty("import.repriseDelaiSecondes", "0");
        p.setProperty("extrait.verificationSecondes", "0.05");
        return p;
    }

    @Test
    public void unExtraitDeposeEstImporteSousLIdentiteDuDepotPuisRange() throws Exception {
        Path entree = dossier.getRoot().toPath().resolve("entree");
        Files.createDirectories(entree);
        Files.writeString(entree.resolve("extrait-044.csv"), "numero;nom\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> imports.importes.contains("extrait-044.csv"));
        assertEquals("import:depot", imports.contexte.acteur());
        Path traites = dossier.getRoot().toPath().resolve("traites");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(traites)
                && Files.list(traites).anyMatch(f -> f.getFileName().toString().endsWith("-extrait-044.csv")));
    }

    @Test
    public void unExtraitEnEchecVaDansErreurs() throws Exception {
        Path entree = dossier.getRoot().toPath().resolve("entree");
        Files.createDirectories(entree);
        Files.writeString(entree.resolve("illisible.csv"), "x\n");
        Path erreurs = dossier.getRoot().toPath().resolve("erreurs").resolve("illisible.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(erreurs));
        assertTrue(imports.importes.contains("illisible.csv"));
    }

    @Test
    public void lesImportsInterrompusSontReprisUneFoisEtLExtraitInterrogeAChaqueTop() {
        await().atMost(Duration.ofSeconds(10)).until(() -> imports.reprises.get() == 1 && extraits.tops.get() >= 3);
        assertEquals(1, imports.reprises.get());
    }
}
