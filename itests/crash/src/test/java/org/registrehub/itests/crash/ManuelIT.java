package org.registrehub.itests.crash;

import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.registrehub.itests.crash.SessionDocumentee.Etape;
import org.registrehub.testing.HubLance;
import org.registrehub.testing.TestDatabase;

/**
 * The manual's shell sessions, replayed as a reader would type them: the built distribution on an empty database, one
 * bash session in a folder where {@code docs/} is the manual and {@code target/hub} the running hub (as after
 * {@code ./start-hub.sh}), every command of the pages below in the order a reader follows them (the accounts first,
 * then the register through REST and SOAP, then a landlord's ERP), each printed text compared with the manual's
 * ({@link SessionDocumentee}). Only the hub's HTTP, console and broker ports are those of this run (shown as the
 * defaults 8181 and 61616 in what it printed). Fails with every difference (page, line, command, both texts).
 * With {@code -Dregistre.manuel.reecrire=true} it also writes what the hub printed into the pages where it differs (a
 * new capture, to review with {@code git diff} and cut with {@code …} where the manual shortens long answers).
 */
public class ManuelIT {

    /** Sessions (fenced blocks of commands) {@code premiere} to {@code derniere} of a page, counted from 1. */
    private record Passage(String page, int premiere, int derniere) {
    }

    /** What is replayed, in reading order. */
    private static final List<Passage> PLAN = List.of(
            new Passage("acces-et-audit.md", 1, 4), // the accounts, on a new hub
            new Passage("api-rest.md", 1, Integer.MAX_VALUE), // the register
            new Passage("canaux.md", 1, 1), // the same register through SOAP
            new Passage("acces-et-audit.md", 5, Integer.MAX_VALUE), // territories, roles and audit, on those demands
            new Passage("canaux.md", 9, 12), // a landlord's ERP on its queues, with the sample client
            new Passage("canaux.md", 13, 13), // its supervision: a dead letter, replayed
            new Passage("canaux.md", 14, 14), // the console
            new Passage("attribution.md", 1, Integer.MAX_VALUE)); // a landlord's dwelling and its candidates

    private static final List<String> OUTILS = List.of("bash", "curl", "jq", "pdftotext", "sed", "java");

    private TestDatabase db;
    private HubLance hub;
    private Process bash;
    private Writer entree;
    private BufferedReader sortie;

    @Before
    public void demarrer() throws Exception {
        List<String> absents = new ArrayList<>();
        for (String outil : OUTILS) {
            if (new ProcessBuilder("bash", "-c", "command -v " + outil).start().waitFor() != 0) {
                absents.add(outil);
            }
        }
        if (!absents.isEmpty()) {
            fail("Le rejeu du manuel a besoin de " + absents + " : installez les paquets Debian curl, jq et"
                    + " poppler-utils (bash .ci/run le fait : .ci/installer-outils.sh)");
        }
        db = TestDatabase.create("registre_manuel");
        Path dossier = Path.of(System.getProperty("registre.manuel.dir"));
        hub = new HubLance(Path.of(System.getProperty("registre.distribution")), dossier.resolve("hub"), db);
        hub.attendreSante(Duration.ofMinutes(3));
        hub.administrateur(); // the first administrator's password file, which the manual reads, is written
        Path lecteur = dossier.resolve("lecteur");
        HubLance.supprimer(lecteur);
        Files.createDirectories(lecteur.resolve("target"));
        Files.createSymbolicLink(lecteur.resolve("docs"), Path.of(System.getProperty("registre.exemples"))
                .toAbsolutePath().normalize());
        Files.createSymbolicLink(lecteur.resolve("target/hub"), hub.home.toAbsolutePath());
        // the sample ERP client as the build leaves it (java -jar simulators/landlord-erp/target/client-erp.jar)
        Path depot = Path.of(System.getProperty("registre.exemples")).toAbsolutePath().normalize().getParent();
        Files.createSymbolicLink(lecteur.resolve("simulators"), depot.resolve("simulators"));
        bash = new ProcessBuilder("bash", "--noprofile", "--norc").directory(lecteur.toFile())
                .redirectErrorStream(true).start();
        entree = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        sortie = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8));
        entree.write("export LC_ALL=C.UTF-8 REGISTRE_BROKER_PORT=" + hub.broker + "\n");
        entree.flush();
    }

    @After
    public void arreter() throws Exception {
        if (bash != null) {
            bash.destroy();
            bash.waitFor(10, TimeUnit.SECONDS);
        }
        if (hub != null) {
            hub.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void everySessionOfTheManualPrintsWhatTheManualShows() throws Exception {
        Path docs = Path.of(System.getProperty("registre.exemples"));
        String port = hub.base.substring(hub.base.lastIndexOf(':') + 1);
        boolean reecrire = Boolean.getBoolean("registre.manuel.reecrire");
        List<String> ecarts = new ArrayList<>();
        int rejouees = 0;
        for (Passage p : PLAN) {
            Map<Etape, String> nouveaux = new LinkedHashMap<>();
            for (Etape e : SessionDocumentee.lire(docs, p.page(), p.premiere(), p.derniere())) {
                String commande = e.commande().replace("127.0.0.1:8181", "127.0.0.1:" + port)
                        .replace("target/hub/bin/client ", "target/hub/bin/client -a " + hub.ssh + " ");
                // the console client colours its errors: the manual shows the text a reader reads
                String obtenu = executer(commande).replace("127.0.0.1:" + port, "127.0.0.1:8181")
                        .replace("127.0.0.1:" + hub.broker, "127.0.0.1:61616")
                        .replace(hub.home.toAbsolutePath().toString(), "target/hub")
                        .replaceAll("\u001B\\[[0-9;]*m", "");
                rejouees++;
                if (!SessionDocumentee.correspond(e.attendu(), obtenu)) {
                    nouveaux.put(e, obtenu);
                    ecarts.add(e.page() + ":" + e.ligne() + "\n$ " + e.commande() + "\n--- le manuel montre :\n"
                            + e.attendu() + "\n--- le hub a répondu :\n" + obtenu);
                }
            }
            if (reecrire && !nouveaux.isEmpty()) {
                SessionDocumentee.reecrire(docs, p.page(), nouveaux);
            }
        }
        if (!ecarts.isEmpty()) {
            fail(ecarts.size() + " commande(s) du manuel sur " + rejouees + " ne font pas ce qu'il montre :\n\n"
                    + String.join("\n\n", ecarts));
        }
    }

    /** Runs one command in the reader's bash session, returns what it printed (stdout and stderr). */
    private String executer(String commande) throws IOException {
        String marque = "@@fin-de-commande-" + System.nanoTime() + "@@";
        entree.write(commande + "\necho; echo '" + marque + "'\n");
        entree.flush();
        StringBuilder texte = new StringBuilder();
        for (String l = sortie.readLine(); l != null; l = sortie.readLine()) {
            if (l.equals(marque)) {
                // the echo before the mark ends an unterminated last line; drop the line break it adds
                return texte.length() > 0 ? texte.substring(0, texte.length() - 1) : "";
            }
            texte.append(l).append('\n');
        }
        throw new IllegalStateException("la session bash s'est arrêtée pendant : " + commande + "\n" + texte);
    }
}
