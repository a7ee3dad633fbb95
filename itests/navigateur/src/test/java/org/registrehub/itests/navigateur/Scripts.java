package org.registrehub.itests.navigateur;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The browser scripts ({@code src/test/js}), run by the machine's node: their output lines, or a failure. */
final class Scripts {

    private Scripts() {
    }

    /**
     * Runs a script; its screenshots and summary go to {@code target/navigateur/<dossier>}, emptied first (this run's
     * only).
     */
    static List<String> node(String script, String dossier, Map<String, String> env) throws Exception {
        Path scripts = Path.of(System.getProperty("registre.navigateur.scripts"));
        Path sortie = Path.of(System.getProperty("registre.navigateur.sortie"), dossier);
        if (Files.isDirectory(sortie)) {
            try (var fichiers = Files.list(sortie)) {
                for (Path f : fichiers.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder("node", scripts.resolve(script).toString())
                .directory(scripts.getParent().getParent().getParent().toFile()).redirectErrorStream(true);
        pb.environment().put("SORTIE", sortie.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lignes = new ArrayList<>();
        try (var lecteur = p.inputReader(StandardCharsets.UTF_8)) {
            String l;
            while ((l = lecteur.readLine()) != null) {
                System.out.println("[navigateur] " + l);
                lignes.add(l);
            }
        }
        assertTrue("le navigateur n'a pas fini en 5 minutes", p.waitFor(5, TimeUnit.MINUTES));
        assertEquals("échec du parcours dans le navigateur :\n" + String.join("\n", lignes), 0, p.exitValue());
        return lignes;
    }
}
