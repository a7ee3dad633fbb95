package org.registrehub.itests.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell sessions of a manual page: every fenced block whose first line starts with {@code $ } is a session, each
 * {@code $ } line a command, the lines after it (until the next command or the end of the block) what it printed.
 * How a printed text is compared with what the hub answers today ({@link #correspond}): the parts that change from one
 * run to the next (dates, times, numéros uniques, generated passwords, sizes, UUIDs, the HTTP {@code Date} header) are
 * replaced by a placeholder on both sides, consecutive blank lines count as one, and an ellipsis {@code …} in the manual stands for the rest of a line cut short (or, alone on its line, for
 * lines left out).
 */
final class SessionDocumentee {

    /**
     * One command of the manual, where it is (page and line, from 1), what the manual shows it printed, and where that
     * text is (index of its first line in the page, from 0, and its number of lines).
     */
    record Etape(String page, int ligne, String commande, String attendu, int sortieDebut, int sortieLignes) {
    }

    private static final Pattern NUMERO = Pattern.compile("\\b(\\d{3})\\d{4}(\\d{6}[A-Z0-9]{5})\\b");

    /** A run-dependent part of a printed text and its placeholder. */
    private record Remplacement(Pattern motif, String par) {
        Remplacement(String regex, String par) {
            this(Pattern.compile(regex), par);
        }
    }

    private static final List<Remplacement> VARIABLES = List.of(
            // with the blanks after it: an instant prints 3, 6 or 9 digits of fraction, and a table pads the rest
            new Remplacement("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})? *",
                    "<horodatage> "),
            new Remplacement("\\b\\d{8}-\\d{6}\\b", "<horodatage>"), // in file names: 20261201-121154-extrait.xml
            new Remplacement("\\d{4}-\\d{2}-\\d{2}", "<date>"),
            new Remplacement("\\b\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
                + "|décembre) \\d{4}\\b", "<date>"),
            new Remplacement("\\b(\\d{3}) \\d{2} \\d{2} (\\d{6} [A-Z0-9]{5})\\b", "$1 <mm aa> $2"),
            new Remplacement("\\d{2}/\\d{2}/\\d{4}", "<date>"),
            new Remplacement("\"motDePasse\":\"[^\"]{12,}\"", "\"motDePasse\":\"<mot de passe>\""),
            new Remplacement("motDePasse=\\S+", "motDePasse=<mot de passe>"),
            new Remplacement("Content-Length: \\d+", "Content-Length: <n>"),
            new Remplacement("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", "<uuid>"),
            new Remplacement("\\b\\d+ octets\\b", "<n> octets"));

    private SessionDocumentee() {
    }

    /** The sessions of {@code page}, from its {@code premier}-th to its {@code dernier}-th (counted from 1) . */
    static List<Etape> lire(Path docs, String page, int premier, int dernier) throws IOException {
        List<String> lignes = Files.readAllLines(docs.resolve(page), StandardCharsets.UTF_8);
        List<Etape> etapes = new ArrayList<>();
        int bloc = 0;
        for (int i = 0; i < lignes.size(); i++) {
            if (!lignes.get(i).startsWith("```") || i + 1 >= lignes.size() || !lignes.get(i + 1).startsWith("$ ")) {
                continue;
            }
            bloc++;
            int fin = i + 1;
            while (fin < lignes.size() && !lignes.get(fin).startsWith("```")) {
                fin++;
            }
            if (bloc >= premier && bloc <= dernier) {
                etapes.addAll(etapes(page, lignes, i + 1, fin));
            }
            i = fin;
        }
        if (bloc < premier) {
            throw new IllegalStateException(page + " : " + bloc + " sessions, la session " + premier + " est attendue");
        }
        return etapes;
    }

    private static List<Etape> etapes(String page, List<String> lignes, int debut, int fin) {
        List<Etape> etapes = new ArrayList<>();
        int i = debut;
        while (i < fin) {
            int ligne = i + 1;
            StringBuilder commande = new StringBuilder(lignes.get(i).substring(2));
            while (commande.toString().endsWith("\\") && i + 1 < fin) {
                commande.append('\n').append(lignes.get(++i));
            }
            i++;
            int sortieDebut = i;
            List<String> sortie = new ArrayList<>();
            while (i < fin && !lignes.get(i).startsWith("$ ")) {
                sortie.add(lignes.get(i++));
            }
            while (!sortie.isEmpty() && sortie.get(sortie.size() - 1).isBlank()) {
                sortie.remove(sortie.size() - 1);
            }
            etapes.add(new Etape(page, ligne, commande.toString(), String.join("\n", sortie), sortieDebut,
                    sortie.size()));
        }
        return etapes;
    }

    /**
     * Writes what the hub printed in place of what the manual shows, for the given steps of one page (a new capture,
     * when the manual is brought up to date on purpose: {@code -Dregistre.manuel.reecrire=true}).
     */
    static void reecrire(Path docs, String page, Map<Etape, String> obtenus) throws IOException {
        List<String> lignes = new ArrayList<>(Files.readAllLines(docs.resolve(page), StandardCharsets.UTF_8));
        List<Etape> etapes = new ArrayList<>(obtenus.keySet());
        etapes.sort(Comparator.comparingInt(Etape::sortieDebut).reversed());
        for (Etape e : etapes) {
            List<String> nouvelles = lignes(obtenus.get(e), false);
            for (int n = 0; n < e.sortieLignes(); n++) {
                lignes.remove(e.sortieDebut());
            }
            lignes.addAll(e.sortieDebut(), nouvelles);
        }
        Files.writeString(docs.resolve(page), String.join("\n", lignes) + "\n", StandardCharsets.UTF_8);
    }

    /** The text with its run-dependent parts replaced by placeholders, trailing blanks and CRs removed. */
    static String normaliser(String texte) {
        String t = NUMERO.matcher(texte).replaceAll("$1<mmaa>$2");
        for (Remplacement v : VARIABLES) {
            t = v.motif().matcher(t).replaceAll(v.par());
        }
        return String.join("\n", lignes(t, true));
    }

    /**
     * The lines of a printed text as the manual shows them: no CR, no trailing blank, no HTTP {@code Date} header (a
     * header of the moment), no blank line at the end; {@code uneLigneVide}: consecutive blank lines count as one.
     */
    private static List<String> lignes(String texte, boolean uneLigneVide) {
        List<String> lignes = new ArrayList<>();
        for (String l : texte.replace("\r", "").split("\n", -1)) {
            String ligne = l.stripTrailing();
            boolean redite = uneLigneVide && ligne.isEmpty() && !lignes.isEmpty() && lignes.get(lignes.size() - 1)
                    .isEmpty();
            if (!ligne.startsWith("Date: ") && !redite) {
                lignes.add(ligne);
            }
        }
        while (!lignes.isEmpty() && lignes.get(lignes.size() - 1).isEmpty()) {
            lignes.remove(lignes.size() - 1);
        }
        return lignes;
    }

    /** Whether what was printed is what the manual shows, both normalised, the manual's {@code …} as wildcards. */
    static boolean correspond(String attendu, String obtenu) {
        StringBuilder regex = new StringBuilder();
        String[] lignes = normaliser(attendu).split("\n", -1);
        for (int i = 0; i < lignes.length; i++) {
            String l = lignes[i];
            if (l.strip().equals("…")) {
                regex.append("(?:[^\\n]*(?:\\n|$))*?");
                continue;
            }
            String[] morceaux = l.split("…", -1);
            for (int m = 0; m < morceaux.length; m++) {
                if (m > 0) {
                    regex.append("[^\\n]*");
                }
                regex.append(Pattern.quote(morceaux[m]));
            }
            if (i < lignes.length - 1) {
                regex.append("\\n");
            }
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(normaliser(obtenu));
        return m.matches();
    }
}
