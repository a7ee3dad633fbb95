package org.registrehub.web.commun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Whose portal it is: the State's identity (the Marianne block and font, reserved to State services) or a neutral
 * theme on the same components for an operator that is not a State service, with its name, its colour and its logo
 * ({@code theme}, {@code operateur.*} of the web application's configuration: {@code etc/org.registrehub.portail.cfg},
 * {@code etc/org.registrehub.backoffice.cfg}).
 *
 * @param etat      the State's identity (theme {@code etat}); false: the neutral theme
 * @param nom       the service's name in the header and the titles
 * @param sousTitre the line under it
 * @param couleur   the operator's main colour ({@code #1f4e79}), neutral theme only
 * @param logo      a PNG or SVG file of the operator's logo, or null
 */
public record Theme(boolean etat, String nom, String sousTitre, String couleur, Path logo) {

    private static final Pattern COULEUR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    public static Theme de(String theme, String nom, String sousTitre, String couleur, String logo) {
        boolean etat = !"neutre".equalsIgnoreCase(theme == null ? "" : theme.strip());
        String c = couleur == null || !COULEUR.matcher(couleur.strip()).matches() ? "#2f4077" : couleur.strip();
        Path l = logo == null || logo.isBlank() ? null : Path.of(logo.strip());
        if (l != null && !Files.isReadable(l)) {
            l = null;
        }
        return new Theme(etat, nom == null || nom.isBlank() ? "Demande de logement social" : nom.strip(),
                sousTitre == null ? "" : sousTitre.strip(), c, l);
    }

    /** The stylesheet of the theme, served as {@code static/theme.css} (the pages allow no inline style). */
    public String css() {
        if (etat) {
            return "/* thème État : identité et police Marianne du système de design de l'État */\n";
        }
        // neutral theme: no Marianne, the operator's colour for the actions and the links
        return "/* thème neutre : composants du système de design, sans l'identité de l'État */\n"
                + ":root, :root[data-fr-theme], :root[data-fr-scheme] {\n"
                + "  --text-action-high-blue-france: " + couleur + ";\n"
                + "  --background-action-high-blue-france: " + couleur + ";\n"
                + "  --border-action-high-blue-france: " + couleur + ";\n"
                + "  --border-plain-blue-france: " + couleur + ";\n"
                + "  --text-title-blue-france: " + couleur + ";\n"
                + "}\n"
                + "html, body, button, input, select, textarea, .fr-btn, .fr-header, .fr-footer, h1, h2, h3, h4, h5,"
                + " h6, p, a, li, label, legend {\n"
                + "  font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial,"
                + " \"Liberation Sans\", sans-serif !important;\n}\n"
                + ".portail-logo { max-height: 4.5rem; width: auto; }\n";
    }
}
